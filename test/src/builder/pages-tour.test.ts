import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallTask } from '@touchpoint/domain';
import { createSmsRuAdapter, createSmtpAdapter } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { callAsAdmin, type BuilderServer } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage } from './use-builder-page';

// Every page of the builder, with data on it, in English and Russian at 1440x900: the pictures a
// marketer sees, saved for a person to look at (clipped text, overlaps, untranslated words).
let server: BuilderServer;
let browser: Browser;
let mailbox: SmtpSandbox;
let smsInbox: SmsSandbox;
const DAY = 86_400_000;

const call = (method: string, path: string, body?: unknown) =>
  callAsAdmin<unknown>(server, method, path, body);

async function seedClientAndCall(): Promise<void> {
  await call('PUT', '/v1/clients/anna', {
    email: 'anna@example.com',
    phone: '+79161234567',
    attributes: { name: 'Anna Petrova' },
  });
  const last = Date.now() - 120 * DAY;
  await call('POST', '/v1/purchases', {
    purchases: [last - 150 * DAY, last - 60 * DAY, last].map((at, index) => ({
      idempotencyKey: `anna-${index}`,
      clientId: 'anna',
      purchasedAt: new Date(at).toISOString(),
      value: 100 + index * 50,
    })),
  });
  // The call comes from a journey's step, so the operator sees the journey and step by name.
  const journey = (await call('POST', '/v1/journeys', {
    name: 'Win-back with a call',
    definition: {
      schemaVersion: 1,
      nodes: [
        { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
        {
          id: 'call',
          kind: 'send',
          name: 'Personal call',
          config: { channels: ['call'], templateId: 'remind' },
        },
      ],
      edges: [{ id: 'entry.out', source: 'entry', sourcePort: 'out', target: 'call' }],
    },
  })) as { id: string };
  await createCallTask(server.db, {
    idempotencyKey: 'tour-call',
    clientId: 'anna',
    journeyId: journey.id,
    journeyVersion: null,
    nodeId: 'call',
    dueAt: new Date(Date.now() - 60_000).toISOString(),
    priority: 80,
    script: 'Hello Anna! We have not seen you for a while: here is 15% off your next order.',
    offer: { offerId: 'discount', percent: 15 },
  });
}

async function seedMessages(): Promise<void> {
  const email = createSmtpAdapter({
    host: '127.0.0.1',
    port: mailbox.port,
    secure: false,
    from: 'Touchpoint <hello@touchpoint.test>',
    messageIdDomain: 'touchpoint.test',
  });
  await email.send({
    channel: 'email',
    messageId: 'tour-mail',
    to: 'anna@example.com',
    subject: 'Anna, your coffee runs out in 3 days',
    html: '<h1 style="font-family:sans-serif;color:#6d4c41">Time to restock</h1><p style="font-family:sans-serif">Order today and get 10% off.</p>',
    text: 'Time to restock\n\nOrder today and get 10% off.',
    headers: {},
  });
  await email.close();
  await createSmsRuAdapter({ apiId: 'sandbox', baseUrl: smsInbox.baseUrl }).send({
    channel: 'sms',
    messageId: 'tour-sms',
    to: '+79161234567',
    body: 'Анна, скидка 10% на кофе до пятницы: промокод КОФЕ10',
  });
}

useBuilderPage((world) => ({ server, browser } = world), {
  server: async () => {
    [mailbox, smsInbox] = await Promise.all([startSmtpSandbox(), startSmsSandbox()]);
    return { sandbox: { mailbox, smsInbox } };
  },
  seed: async (started) => {
    server = started;
    await seedClientAndCall();
    await seedMessages();
  },
});

afterAll(async () => {
  await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
});

/** The pages, each with what shows it has loaded. */
const PAGES: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'journeys',
    hash: '#/journeys',
    ready: (page) => page.locator('.journey-table tbody tr').first().waitFor(),
  },
  {
    name: 'templates',
    hash: '#/templates',
    ready: (page) => page.locator('.template-card').first().waitFor(),
  },
  { name: 'operator', hash: '#/operator', ready: (page) => page.locator('.script').waitFor() },
  {
    name: 'clients',
    hash: '#/clients',
    ready: (page) => page.locator('.client-table tbody tr').first().waitFor(),
  },
  { name: 'client', hash: '#/clients/anna', ready: (page) => page.locator('.timeline li').first().waitFor() },
  { name: 'sent', hash: '#/sent', ready: (page) => page.getByTestId('mail-preview').waitFor() },
];

describe.each(['en', 'ru'] as const)('every page in %s at 1440x900', (locale) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(
      ([key, language]) => {
        localStorage.setItem('touchpoint.apiKey', key);
        localStorage.setItem('touchpoint.locale', language);
      },
      [server.adminKey, locale] as const,
    );
  });
  afterAll(() => page?.close());

  it.each(PAGES)('$name', async ({ name, hash, ready }) => {
    if (name === 'journeys') await createJourneyFromTemplate(page);
    await page.goto(`${server.url}/${hash}`);
    await ready(page);
    await page.screenshot({ path: screenshotPath(`tour-${locale}-${name}`) });
  });

  it('editor with a template, a selected step and the journey settings', async () => {
    await page.goto(`${server.url}/#/journeys`);
    await page.locator('.journey-table tbody tr a').first().click();
    await page.getByTestId('journey-settings').waitFor();
    await page.screenshot({ path: screenshotPath(`tour-${locale}-editor`) });
    await page.locator('[data-testid="step-outcome"] .step-name').click();
    await page.getByTestId('step-form').waitFor();
    await page.screenshot({ path: screenshotPath(`tour-${locale}-editor-step`) });
    await page.locator('[data-testid="step-call"] .step-name').click();
    await page.getByTestId('step-form').waitFor();
    await page.screenshot({ path: screenshotPath(`tour-${locale}-editor-send`) });
  });
});

/** One journey per language run, from the abandoned-booking template, so the list and editor have content. */
async function createJourneyFromTemplate(page: Page): Promise<void> {
  await page.goto(`${server.url}/#/templates`);
  await page.getByTestId('template-abandoned-booking-call').getByRole('button').click();
  await page.getByTestId('canvas').waitFor();
  const journeys = (await call('GET', '/v1/journeys')) as { items: unknown[] };
  expect(journeys.items.length).toBeGreaterThan(0);
}
