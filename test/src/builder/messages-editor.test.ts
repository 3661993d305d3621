import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmtpAdapter, createTwilioAdapter } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { messages } from '@touchpoint/db';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// The Messages section in the real builder against the real API, with the journeys' own SMTP and
// Twilio adapters pointed at loopback sandboxes: a mail written with Liquid autocomplete, previewed
// for a real client at both widths and test-sent; an SMS counted as it is typed (GSM-7, then UCS-2)
// and test-sent, in Russian; a template a journey sends refused on delete; the send step's picker.
let server: BuilderServer;
let newPage: (options?: { locale?: 'en' | 'ru' }) => Promise<Page>;
let mailbox: SmtpSandbox;
let smsInbox: SmsSandbox;

const MAIL_BODY_START = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ cli';

useBuilderPage(
  (world) => {
    server = world.server;
    newPage = world.newPage;
  },
  {
    server: async () => {
      [mailbox, smsInbox] = await Promise.all([startSmtpSandbox(), startSmsSandbox({ receipts: false })]);
      const email = createSmtpAdapter({
        host: mailbox.host,
        port: mailbox.port,
        ignoreTls: true,
        from: 'Shop <news@shop.example>',
        messageIdDomain: 'shop.example',
      });
      const sms = createTwilioAdapter({
        accountSid: 'ACsandbox',
        authToken: 'sandbox',
        from: 'Shop',
        baseUrl: smsInbox.baseUrl,
      });
      return { sandbox: { mailbox, smsInbox }, app: () => ({ testSendAdapters: { email, sms } }) };
    },
    seed: async (started) => {
      await callAsAdmin(started, 'PUT', '/v1/clients/crm-maria', {
        email: 'maria@example.com',
        phone: '+79161234567',
        attributes: { firstName: 'Maria', city: 'Kazan' },
      });
    },
  },
);

afterAll(async () => {
  await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
});

/** A journey whose draft sends `templateId` on `channels` from a step named "Come back". */
async function createSendingJourney(name: string, templateId: string, channels: string[]) {
  return callAsAdmin<{ id: string }>(server, 'POST', '/v1/journeys', {
    name,
    definition: {
      schemaVersion: 1,
      nodes: [
        { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
        { id: 'mail', name: 'Come back', kind: 'send', config: { channels, templateId } },
        { id: 'done', kind: 'exit', config: { reason: 'completed' } },
      ],
      edges: [
        { id: 'e1', source: 'entry', sourcePort: 'out', target: 'mail' },
        { id: 'e2', source: 'mail', sourcePort: 'sent', target: 'done' },
      ],
      layout: { entry: { x: 0, y: 0 }, mail: { x: 0, y: 200 }, done: { x: 0, y: 400 } },
    },
  });
}

describe('the Messages section', () => {
  it('writes a mail with variable autocomplete, previews it for a real client at desktop and mobile width, and test-sends it', async () => {
    const page = await newPage({ locale: 'en' });
    await page.goto(`${server.url}/#/messages`);
    await page.getByRole('link', { name: 'Messages', exact: true }).waitFor();
    await page.getByTestId('new-email').click();
    await page.getByTestId('template-name').fill('Come back mail');
    await page.getByTestId('template-key').fill('come-back-mail');
    const subject = page.getByTestId('template-subject');
    await subject.fill('');
    await subject.pressSequentially('We miss you, {{ client.fi');
    // The list offers the client's first name; Tab takes it and closes the tag.
    await page.getByRole('option', { name: 'client.firstName' }).waitFor();
    await subject.press('Tab');
    expect(await subject.inputValue()).toBe('We miss you, {{ client.firstName }}');

    const body = page.getByTestId('template-body');
    await body.fill('');
    await body.pressSequentially(MAIL_BODY_START);
    await page.getByRole('option', { name: 'client.firstName' }).waitFor();
    await page.screenshot({ path: screenshotPath('messages-01-autocomplete') });
    await body.press('Enter');
    await body.press('End');
    await body.pressSequentially(', welcome back to {{ client.ci');
    // A real client's own attribute is offered once that client is chosen for the preview.
    expect(await page.getByRole('option', { name: 'client.city' }).count()).toBe(0);
    await page.getByTestId('preview-client').fill('crm-maria');
    await body.click();
    await body.press('End');
    await page.getByRole('option', { name: 'client.city' }).click();
    await body.press('End');
    await body.pressSequentially('</mj-text></mj-column></mj-section></mj-body></mjml>');
    expect(await body.inputValue()).toBe(
      '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ client.firstName }}, welcome back to ' +
        '{{ client.city }}</mj-text></mj-column></mj-section></mj-body></mjml>',
    );

    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await frame.getByText('Hi Maria, welcome back to Kazan').waitFor();
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe('We miss you, Maria');
    expect(await page.getByTestId('preview-frame').getAttribute('data-width')).toBe('640');
    await page.screenshot({ path: screenshotPath('messages-02-preview-desktop') });
    await page.getByTestId('preview-mobile').click();
    expect(await page.getByTestId('preview-frame').getAttribute('data-width')).toBe('375');
    expect(
      await page.getByTestId('preview-frame').evaluate((frame) => frame.getBoundingClientRect().width),
    ).toBe(375);
    await page.screenshot({ path: screenshotPath('messages-03-preview-mobile') });

    await page.getByTestId('save-template').click();
    await page.waitForURL(/#\/messages\/[0-9a-f-]{36}$/);
    await page.getByTestId('test-send-to').fill('marketer@shop.example');
    await page.getByTestId('test-send-button').click();
    await page.getByTestId('test-send-result').getByText('Test sent to marketer@shop.example').waitFor();
    await mailbox.waitForCount(1);
    const [mail] = mailbox.listMessages();
    expect(mail?.to).toEqual(['marketer@shop.example']);
    expect(mail?.subject).toBe('[TEST] We miss you, Maria');
    expect(mail?.text).toContain('Hi Maria, welcome back to Kazan');
    expect(await server.db.select().from(messages)).toEqual([]);
    await page.screenshot({ path: screenshotPath('messages-04-test-sent') });
  });

  it('counts an SMS as it is typed, GSM-7 then UCS-2, and test-sends it to a phone, in Russian', async () => {
    const page = await newPage({ locale: 'ru' });
    await page.goto(`${server.url}/#/messages/new/sms`);
    await page.getByTestId('template-name').fill('Напоминание');
    await page.getByTestId('template-key').fill('remind-sms');
    const body = page.getByTestId('template-body');
    await body.fill('Hi {{ client.firstName }}, your cart is waiting');
    const count = page.getByTestId('sms-count');
    await expect.poll(() => count.getAttribute('data-encoding')).toBe('gsm7');
    expect(await count.textContent()).toContain('GSM-7 (латиница)');
    await body.fill('{{ client.firstName }}, ваша корзина ждёт вас');
    await expect.poll(() => count.getAttribute('data-encoding')).toBe('ucs2');
    expect(await count.textContent()).toContain('SMS: 1 · Юникод (UCS-2)');
    await page.getByTestId('preview-client').fill('crm-maria');
    await expect
      .poll(() => page.getByTestId('preview-text').textContent())
      .toBe('Maria, ваша корзина ждёт вас');
    await page.screenshot({ path: screenshotPath('messages-05-sms-ru') });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/#\/messages\/[0-9a-f-]{36}$/);
    await page.getByTestId('test-send-to').fill('+79990001122');
    await page.getByTestId('test-send-to').press('Enter');
    await page.getByText('Тест отправлен на +79990001122').waitFor();
    await smsInbox.waitForCount(1);
    expect(smsInbox.listMessages()[0]).toMatchObject({
      to: '+79990001122',
      body: '[TEST] Maria, ваша корзина ждёт вас',
    });
    await page.screenshot({ path: screenshotPath('messages-06-sms-test-sent-ru') });
  });

  it('refuses to delete a template a journey sends and names the journey, in English and Russian', async () => {
    const { items } = await callAsAdmin<{ items: { id: string; key: string }[] }>(
      server,
      'GET',
      '/v1/templates?channel=email',
    );
    const mail = items.find((item) => item.key === 'come-back-mail')!;
    await createSendingJourney('Win back in autumn', 'come-back-mail', ['email']);
    for (const locale of ['en', 'ru'] as const) {
      const page = await newPage({ locale });
      await page.goto(`${server.url}/#/messages/${mail.id}`);
      await page.getByTestId('template-uses').getByText('Win back in autumn').waitFor();
      await page.getByTestId('delete-template').click();
      // The list is read again after the refusal; held back here as a busy server would, the refusal
      // must still count the journeys it names (a fresh-clone CI run once showed "0" and no list).
      await page.route('**/v1/templates/*/uses', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      // The server's answer first, so a failure says whether the refusal was sent or lost on screen.
      const answer = page.waitForResponse(
        (response) => response.request().method() === 'DELETE' && response.url().includes('/v1/templates/'),
      );
      await page.getByTestId('delete-template-confirm').click();
      expect((await answer).status()).toBe(409);
      const refused = page.getByTestId('delete-refused');
      await refused.waitFor();
      expect(await refused.textContent()).toContain(locale === 'en' ? 'Not deleted' : 'Не удалено');
      expect(await page.getByTestId('template-uses').textContent()).toContain('Come back');
      await refused.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`messages-07-delete-refused-${locale}`) });
    }
    expect((await callAsAdmin<{ id: string }>(server, 'GET', `/v1/templates/${mail.id}`)).id).toBe(mail.id);
  });

  it('offers the send step only templates for its channels, previews one on hover, and picks by keyboard', async () => {
    const journey = await createSendingJourney('Cart reminder', 'sms-offer', ['sms']);
    const page = await newPage({ locale: 'en' });
    await page.goto(`${server.url}/#/journeys/${journey.id}`);
    await page.locator('[data-testid="step-mail"]').click();
    const picker = page.getByTestId('template-picker');
    await picker.locator('[data-key="remind-sms"]').waitFor();
    // The email-only mail is not offered to an SMS step.
    expect(await picker.locator('[data-key="come-back-mail"]').count()).toBe(0);
    await picker.locator('[data-key="remind-sms"]').hover();
    const preview = page.getByTestId('template-hover-preview');
    await preview.getByText('Alex, ваша корзина ждёт вас').waitFor();
    await page.screenshot({ path: screenshotPath('messages-08-picker-hover') });
    await picker.focus();
    const keys = await picker
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-key')));
    const target = keys.indexOf('remind-sms');
    for (let step = 0; step <= target; step += 1) await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect
      .poll(() => picker.locator('[aria-selected="true"]').getAttribute('data-key'))
      .toBe('remind-sms');
    await page.getByText('All changes saved').waitFor();
    const saved = await callAsAdmin<{ draft: { nodes: { id: string; config: { templateId?: string } }[] } }>(
      server,
      'GET',
      `/v1/journeys/${journey.id}`,
    );
    expect(saved.draft.nodes.find((node) => node.id === 'mail')?.config.templateId).toBe('remind-sms');
    // Ticking email too: the SMS-only template no longer fits and the step says so.
    await page.getByTestId('step-form').getByLabel('Email', { exact: true }).check();
    await page.getByTestId('template-missing').waitFor();
    expect(await picker.locator('[data-key="remind-sms"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('messages-09-picker-filtered') });
  });
});
