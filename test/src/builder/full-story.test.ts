import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryPolicy } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { offers, openDatabase, templates, type OpenDatabase } from '@touchpoint/db';
import { loadConfig } from '@touchpoint/engine/main/config';
import { startProduct, type RunningProduct } from '@touchpoint/engine/main/start-product';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { repoRoot } from '../harness/paths';
import { createTimeSkippingEnvironment } from '../harness/time-skipping';
import { STORY_OFFERS } from './builder-server';
import { drawEscalationJourney, publishVersion } from './canvas-driver';
import { launchChromium, screenshotPath } from './chromium';
import { PATIENCE_MS } from '../harness/patience';

// The marketer's whole story through the real product: the builder served by the API, a journey
// drawn by mouse and published, an event posted, and the journey's first rung arriving by email
// through a real worker (Temporal time-skipping server) and a real SMTP server on loopback.
const ADMIN_KEY = 'tp_admin_builder-full-story-key';
const DAY = 86_400_000;

describe('the escalation journey, from an empty canvas to a received email', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let env: TestWorkflowEnvironment;
  let mailbox: SmtpSandbox;
  let smsInbox: SmsSandbox;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  async function call(method: 'POST' | 'PUT', route: string, body: unknown): Promise<void> {
    const response = await fetch(`${product.apiUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok, `${method} ${route} -> ${response.status} ${await response.text()}`).toBe(true);
  }

  beforeAll(async () => {
    // The product serves builder/dist, as in production.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      cwd: path.join(repoRoot, 'builder'),
      stdio: 'inherit',
    });
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    [env, mailbox, smsInbox] = await Promise.all([
      createTimeSkippingEnvironment(),
      startSmtpSandbox(),
      startSmsSandbox(),
    ]);
    const config = loadConfig({
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      SMS_API_URL: smsInbox.baseUrl,
      API_PORT: '0',
      TEMPORAL_TASK_QUEUE: `builder-story-${Date.now()}`,
      // The time-skipping server has no schedules.
      SEGMENT_RECOMPUTE_CRON: 'off',
    });
    product = await startProduct({
      config,
      db: database.db,
      adminKey: ADMIN_KEY,
      trackingSecret: 'builder-story-tracking-secret',
      api: true,
      worker: true,
      sandbox: { mailbox, smsInbox },
      temporal: { connection: env.connection, client: env.client, nativeConnection: env.nativeConnection },
      deliveryPolicy: DeliveryPolicy.parse({}),
    });
    await database.db.insert(templates).values([
      {
        key: 'remind',
        channel: 'email',
        name: 'Remind',
        subject: 'Time to restock, {{ client.firstName }}?',
        body: 'Your usual order is due soon.',
      },
      {
        key: 'stimulate',
        channel: 'email',
        name: 'Stimulate',
        subject: '5% for you',
        body: 'Come back for 5% off.',
      },
      { key: 'sms-offer', channel: 'sms', name: 'SMS offer', body: '10% off today only.' },
      {
        key: 'sms-offer',
        channel: 'email',
        name: 'SMS offer (email)',
        subject: '10% off',
        body: '10% off today only.',
      },
    ]);
    // The ladder's third rung offers a discount; publishing checks offers against the catalog.
    await database.db.insert(offers).values(STORY_OFFERS);
    const granted = { status: 'granted', updatedAt: new Date().toISOString() };
    await call('PUT', '/v1/clients/olga', {
      email: 'olga@example.com',
      phone: '+79161234567',
      timeZone: 'Europe/Moscow',
      attributes: { firstName: 'Olga' },
      consent: { email: granted, sms: granted },
    });
    // A purchase every 30 days, the last one 30 days ago: the next is expected about now, so the
    // "3 days before" reminder is already due and runs at once; "5 days after" waits.
    await call('POST', '/v1/purchases', {
      purchases: [60, 30].map((daysAgo) => ({
        idempotencyKey: `olga-${daysAgo}`,
        clientId: 'olga',
        purchasedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        value: 120,
      })),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), ADMIN_KEY);
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await Promise.all([env?.teardown(), mailbox?.stop(), smsInbox?.stop()]);
    await database?.close();
    await testDb?.close();
  });

  it('draws, fixes, publishes, and the journey runs for a posted event', async () => {
    await page.goto(`${product.apiUrl}/#/journeys`);
    await page.getByTestId('new-journey').click();
    await page.getByTestId('canvas').waitFor();
    await drawEscalationJourney(page, '');
    // The entry has no event yet: the step says so and publishing waits.
    await expect.poll(() => page.locator('[data-testid="step-entry-1"] .step-problems').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await page.locator('[data-testid="step-entry-1"] .step-name').click();
    await page.getByTestId('field-event-type').fill('winback.start');
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toBe('Ready to publish');
    await publishVersion(page, 1);

    await call('POST', '/v1/events', {
      idempotencyKey: 'olga-winback',
      clientId: 'olga',
      type: 'winback.start',
      occurredAt: new Date().toISOString(),
    });
    await mailbox.waitForCount(1, PATIENCE_MS);
    const [mail] = mailbox.listMessages();
    expect(mail?.to).toEqual(['olga@example.com']);
    expect(mail?.subject).toBe('Time to restock, Olga?');

    await page.getByRole('button', { name: 'Results' }).click();
    await expect
      .poll(() => page.locator('[data-testid="step-entry-1"] .step-stats').textContent())
      .toContain('▶ 1');
    await page.screenshot({ path: screenshotPath('builder-15-story-running') });

    // The newcomer's view: what the journey sent, in the product itself.
    await page.getByRole('link', { name: 'Sent messages' }).click();
    await page.getByTestId('mail-preview').getByRole('heading', { name: 'Time to restock, Olga?' }).waitFor();
    await page.frameLocator('[data-testid="mail-html"]').getByText('Your usual order is due soon.').waitFor();
    await page.screenshot({ path: screenshotPath('builder-24-story-sent-mail') });
  });
});
