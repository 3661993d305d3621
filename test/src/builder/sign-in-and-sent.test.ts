import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSmsRuAdapter,
  createSmtpAdapter,
  createTwilioAdapter,
  type ChannelAdapter,
  type EmailMessage,
} from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { apiKeys, eq } from '@touchpoint/db';
import { createApiKey } from '@touchpoint/domain';
import { type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';
import { PATIENCE_MS } from '../harness/patience';

// Signing in (pasted key, key in the link `npm start` prints, a key the server stopped accepting)
// and the "Sent messages" page over mail and texts that really went through the loopback SMTP
// server and SMS provider, sent by the product's own channel adapters.
let server: BuilderServer;
let browser: Browser;
let mailbox: SmtpSandbox;
let smsInbox: SmsSandbox;
let email: ChannelAdapter<EmailMessage>;
const contexts: BrowserContext[] = [];

const VIEWPORT = { width: 1440, height: 900 };
const RUSSIAN_TEXT =
  'Ольга, ваш любимый кофе закончится через три дня. Закажите сейчас со скидкой 10% по промокоду КОФЕ10.';

async function sendEmail(to: string, subject: string, heading: string): Promise<void> {
  const outcome = await email.send({
    channel: 'email',
    messageId: `sent-page-${to}-${subject}`,
    to,
    subject,
    html: `<!doctype html><html><body style="font-family:sans-serif"><h1 style="color:#1565c0">${heading}</h1><p>Your usual order is due soon.</p><img src="http://127.0.0.1:9/pixel.gif" alt=""></body></html>`,
    text: `${heading}\n\nYour usual order is due soon.`,
    headers: {},
  });
  expect(outcome.kind).toBe('sent');
}

async function newPage(options: { apiKey?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  if (options.apiKey) {
    await context.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), options.apiKey);
  }
  return context.newPage();
}

const storedKey = (page: Page) => page.evaluate(() => localStorage.getItem('touchpoint.apiKey'));

useBuilderPage((world) => ({ server, browser } = world), {
  server: async () => {
    [mailbox, smsInbox] = await Promise.all([startSmtpSandbox(), startSmsSandbox()]);
    return { sandbox: { mailbox, smsInbox } };
  },
  seed: async (started) => {
    server = started;
    email = createSmtpAdapter({
      host: '127.0.0.1',
      port: mailbox.port,
      secure: false,
      from: 'Touchpoint Demo <hello@touchpoint.test>',
      messageIdDomain: 'touchpoint.test',
    });
    await sendEmail('olga@example.com', 'Time to restock, Olga?', 'Time to restock');
    await sendEmail('ivan@example.com', '5% for you', 'Come back for 5% off');
    const twilio = createTwilioAdapter({
      accountSid: 'ACsandbox',
      authToken: 'sandbox',
      from: 'Touchpoint',
      baseUrl: smsInbox.baseUrl,
    });
    const smsRu = createSmsRuAdapter({ apiId: 'sandbox', baseUrl: smsInbox.baseUrl });
    await twilio.send({
      channel: 'sms',
      messageId: 'sms-1',
      to: '+15551234567',
      body: 'Your order ships today.',
    });
    await smsRu.send({ channel: 'sms', messageId: 'sms-2', to: '+79161234567', body: RUSSIAN_TEXT });
    await smsInbox.waitForCount(2, PATIENCE_MS);
  },
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await email?.close();
  await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
});

describe('signing in', () => {
  it('asks for the key, refuses a wrong one, accepts the right one and signs out', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('sign-in').waitFor();
    await page.screenshot({ path: screenshotPath('builder-19-sign-in') });

    await page.getByTestId('api-key').fill('not-the-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('This key was not accepted').waitFor();
    expect(await storedKey(page)).toBeNull();

    await page.getByTestId('api-key').fill(server.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    expect(await storedKey(page)).toBe(server.adminKey);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in').waitFor();
    expect(await storedKey(page)).toBeNull();
  });

  it('takes the key from the sign-in link once and removes it from the address bar', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/#/sent?key=${encodeURIComponent(server.adminKey)}`);
    await page.getByRole('heading', { name: 'Sent messages' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/sent');
    expect(await storedKey(page)).toBe(server.adminKey);
    await page.reload();
    await page.getByRole('heading', { name: 'Sent messages' }).waitFor();
  });

  it('asks again, in Russian too, when the server no longer accepts the saved key', async () => {
    const page = await newPage({ apiKey: 'key-of-a-previous-run' });
    await page.goto(`${server.url}/#/journeys`);
    await page.getByText('The server no longer accepts the saved key').waitFor();
    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Вход в Touchpoint' }).waitFor();
    await page.screenshot({ path: screenshotPath('builder-20-sign-in-ru') });
  });
});

describe('a key revoked mid-visit', () => {
  it('asks over the page, keeps the unsaved edit and saves it once signed in again', async () => {
    const { key, row } = await createApiKey(server.db, { name: 'marketer', scopes: ['admin'] });
    const page = await newPage({ apiKey: key });
    await page.goto(`${server.url}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    const journeyId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');

    await server.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, row.id));
    await page.getByLabel('Journey name').fill('Kept across signing in');
    const dialog = page.getByRole('dialog', { name: 'Sign in to Touchpoint' });
    await dialog.getByText('The server no longer accepts the saved key').waitFor();
    expect(await page.getByLabel('Journey name').inputValue()).toBe('Kept across signing in');
    await page.screenshot({ path: screenshotPath('builder-26-sign-in-over-page') });

    await dialog.getByTestId('api-key').fill(server.adminKey);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('All changes saved').waitFor();
    const response = await fetch(`${server.url}/v1/journeys/${encodeURIComponent(journeyId)}`, {
      headers: { authorization: `Bearer ${server.adminKey}` },
    });
    expect(((await response.json()) as { name: string }).name).toBe('Kept across signing in');
  });
});

describe('sent messages', () => {
  it('lists received mail newest first and shows the chosen one as HTML and text', async () => {
    const page = await newPage({ apiKey: server.adminKey });
    await page.goto(`${server.url}/#/journeys`);
    await page.getByRole('link', { name: 'Sent messages' }).click();
    await page.getByTestId('tab-mail').getByText('Emails (2)').waitFor();
    const rows = page.getByTestId('mail-list').getByRole('button');
    expect(await rows.nth(0).textContent()).toContain('ivan@example.com');
    expect(await rows.nth(1).textContent()).toContain('olga@example.com');

    await rows.nth(1).click();
    const preview = page.getByTestId('mail-preview');
    await preview.getByRole('heading', { name: 'Time to restock, Olga?' }).waitFor();
    expect(await page.getByTestId('mail-html').getAttribute('sandbox')).toBe('');
    await page
      .frameLocator('[data-testid="mail-html"]')
      .getByRole('heading', { name: 'Time to restock' })
      .waitFor();
    expect(await page.getByTestId('mail-text').textContent()).toContain('Your usual order is due soon.');
    await page.screenshot({ path: screenshotPath('builder-21-sent-mail') });

    // A message arriving while the page is open shows up on its own.
    await sendEmail('anna@example.com', 'Welcome, Anna', 'Welcome aboard');
    await page.getByTestId('tab-mail').getByText('Emails (3)').waitFor();
    expect(await rows.nth(0).textContent()).toContain('anna@example.com');
  });

  it('lists texts with their parts and gateway, in English and Russian', async () => {
    const page = await newPage({ apiKey: server.adminKey });
    await page.goto(`${server.url}/#/sent`);
    await page.getByTestId('tab-sms').click();
    const rows = page.getByTestId('sms-table').locator('tbody tr');
    await rows.first().waitFor();
    const cells = async (index: number) => rows.nth(index).locator('td').allTextContents();
    const [newest, oldest] = [await cells(0), await cells(1)];
    expect(newest.slice(1, 5)).toEqual(['+79161234567', RUSSIAN_TEXT, '2', 'SMS.ru']);
    expect(oldest.slice(1, 5)).toEqual(['+15551234567', 'Your order ships today.', '1', 'Twilio']);
    // Sent without a StatusCallback / callback URL: the operator has nowhere to report to.
    expect(await rows.nth(0).getByTestId('delivery-badge').textContent()).toBe(
      "Waiting for the carrier's receipt",
    );
    await page.screenshot({ path: screenshotPath('builder-22-sent-sms') });

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByTestId('tab-mail').click();
    await page.getByRole('heading', { name: 'Отправленные' }).waitFor();
    await page.getByTestId('mail-preview').waitFor();
    await page.screenshot({ path: screenshotPath('builder-23-sent-mail-ru') });
  });
});
