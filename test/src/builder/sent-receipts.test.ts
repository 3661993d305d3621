import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createSmsRuAdapter, createTwilioAdapter } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';
import { PATIENCE_MS } from '../harness/patience';

// The "Sent messages" page shows each text's delivery receipts: the sandbox posts Twilio's
// StatusCallbacks to the product's own receipt webhook, and the page reads them back through
// `GET /v1/sandbox/sms`, in English and Russian.
let server: BuilderServer;
let browser: Browser;
let mailbox: SmtpSandbox;
let smsInbox: SmsSandbox;

const TEXTS = [
  { to: '+15551230001', body: 'Your order ships today.' },
  { to: '+15551230404', body: 'Your cart misses you: 10% off with CART10.' },
  { to: '+15551230408', body: 'Your table is booked for 19:00.' },
] as const;
const WAITING = { to: '+79161230001', body: 'Ваш заказ уже в пути.' };

useBuilderPage((world) => ({ server, browser } = world), {
  server: async () => {
    [mailbox, smsInbox] = await Promise.all([
      startSmtpSandbox(),
      startSmsSandbox({ receipts: { delayMs: 50 } }),
    ]);
    return { sandbox: { mailbox, smsInbox } };
  },
  seed: async (started) => {
    server = started;
    const twilio = createTwilioAdapter({
      accountSid: 'ACsandbox',
      authToken: 'sandbox',
      from: 'Touchpoint',
      baseUrl: smsInbox.baseUrl,
      statusCallbackUrl: `${server.url}/v1/receipts/twilio`,
    });
    for (const [index, text] of TEXTS.entries()) {
      const outcome = await twilio.send({ channel: 'sms', messageId: `receipt-${index}`, ...text });
      expect(outcome.kind).toBe('sent');
    }
    // SMS.ru takes the callback address from the account settings; this sandbox has none.
    const smsRu = createSmsRuAdapter({ apiId: 'sandbox', baseUrl: smsInbox.baseUrl });
    expect((await smsRu.send({ channel: 'sms', messageId: 'receipt-ru', ...WAITING })).kind).toBe('sent');
    await smsInbox.waitForReceiptCount(TEXTS.length * 2, PATIENCE_MS);
  },
});

afterAll(async () => {
  await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
});

/** The badge text of each row, by recipient. */
async function badgesByRecipient(page: Page): Promise<Record<string, string>> {
  const rows = page.getByTestId('sms-table').locator('tbody tr');
  const badges: Record<string, string> = {};
  for (const row of await rows.all()) {
    const to = (await row.locator('td').nth(1).textContent()) ?? '';
    badges[to] = (await row.getByTestId('delivery-badge').textContent()) ?? '';
  }
  return badges;
}

describe('delivery receipts on the Sent page', () => {
  it("shows each text's latest state and, on hover, its receipts with times, in English and Russian", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), server.adminKey);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/sent`);
    await page.getByTestId('tab-sms').click();
    await page.getByTestId('sms-table').locator('tbody tr').nth(3).waitFor();
    expect(await badgesByRecipient(page)).toEqual({
      '+15551230001': 'Delivered',
      '+15551230404': 'Not delivered: unknown number',
      '+15551230408': 'Not delivered: phone off or out of reach',
      '+79161230001': "Waiting for the carrier's receipt",
    });

    const unknownRow = page.getByTestId('sms-table').locator('tbody tr', { hasText: '+15551230404' });
    const history = unknownRow.getByRole('tooltip');
    expect(await history.isVisible()).toBe(false);
    await unknownRow.getByTestId('delivery-badge').hover();
    await history.waitFor({ state: 'visible' });
    expect(await history.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/\d\d:\d\d:\d\d.*On its way to the phone · sent$/),
      expect.stringMatching(/\d\d:\d\d:\d\d.*Not delivered: unknown number · undelivered \(30005\)$/),
    ]);
    await page.screenshot({ path: screenshotPath('builder-27-sent-sms-receipts') });

    await page.getByRole('button', { name: 'RU' }).click();
    await page.getByRole('heading', { name: 'Отправленные' }).waitFor();
    expect(await badgesByRecipient(page)).toEqual({
      '+15551230001': 'Доставлено',
      '+15551230404': 'Не доставлено: номер не существует',
      '+15551230408': 'Не доставлено: телефон выключен или вне сети',
      '+79161230001': 'Ждём отчёт оператора',
    });
    const deliveredRow = page.getByTestId('sms-table').locator('tbody tr', { hasText: '+15551230001' });
    await deliveredRow.getByTestId('delivery-badge').hover();
    const deliveredHistory = deliveredRow.getByRole('tooltip');
    await deliveredHistory.getByText('Отчёты оператора').waitFor();
    expect(await deliveredHistory.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/В пути к телефону · sent$/),
      expect.stringMatching(/Доставлено · delivered$/),
    ]);
    await page.screenshot({ path: screenshotPath('builder-28-sent-sms-receipts-ru') });
    await context.close();
  });
});
