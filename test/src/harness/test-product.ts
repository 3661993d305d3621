import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DeliveryPolicy } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { openDatabase, type OpenDatabase } from '@touchpoint/db';
import { receiptUrl } from '@touchpoint/engine/main/channel-adapters';
import { dbConnectionsFor } from '@touchpoint/engine/main/db-pool';
import { loadConfig } from '@touchpoint/engine/main/config';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { startProduct, type RunningProduct } from '@touchpoint/engine/main/start-product';
import type { Tracing } from '@touchpoint/engine/observability/tracing';
import { expect } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database';
import { createTimeSkippingEnvironment } from './time-skipping';

/** What a test can change about the product it starts. */
export interface TestProductOptions {
  name: string;
  deliveryPolicy?: DeliveryPolicy;
  /**
   * The SMS sandbox posts delivery receipts to this product's API, as the providers would: the API
   * gets a known port and PUBLIC_URL (Twilio's StatusCallback) and the sandbox the SMS.ru callback
   * URL. Off by default: the sandbox then posts none, and SMS stay `sent`.
   */
  smsReceipts?: boolean;
  /** More environment for the configuration (e.g. `SMS_PROVIDER`, `TWILIO_AUTH_TOKEN`). */
  env?: Record<string, string>;
  /** Signs tracking links and webhooks (default `<name>-tracking-secret`); receivers verify with it. */
  trackingSecret?: string;
  /** Traces the product (`startTracing` with the test's receiver); none by default. */
  tracing?: Tracing;
}

export interface TestProduct {
  product: RunningProduct;
  apiUrl: string;
  adminKey: string;
  database: OpenDatabase;
  env: TestWorkflowEnvironment;
  mailbox: SmtpSandbox;
  smsInbox: SmsSandbox;
  /** Calls the API with the admin key and fails the test, with the body, on any non-2xx answer. */
  call<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The whole product as `npm start` wires it (API + worker + router + sandboxes) on a fresh database,
 * with workflows on Temporal's time-skipping server so journeys that wait days finish in a test. No
 * quiet hours or caps unless a test asks: such tests are about paths, and must pass at any hour.
 */
export async function startTestProduct(
  options: TestProductOptions = { name: 'product' },
): Promise<TestProduct> {
  const adminKey = `tp_admin_${options.name}-test-key`;
  const testDb: TestDatabase = await createTestDatabase();
  // Sized like the all-in-one product's pool: every send in flight holds a connection.
  const database = openDatabase(testDb.url, {
    maxConnections: dbConnectionsFor({ api: true, worker: true }),
  });
  const apiPort = options.smsReceipts ? await findFreePort() : 0;
  const publicUrl = `http://127.0.0.1:${apiPort}`;
  // The API accepts only authenticated receipts: signed with the Twilio token, or at the secret URL.
  const receiptEnv = {
    TWILIO_AUTH_TOKEN: `${options.name}-twilio-token`,
    SMSRU_RECEIPT_SECRET: `${options.name}-smsru-receipt-secret`,
    ...options.env,
  };
  const [env, mailbox, smsInbox] = await Promise.all([
    createTimeSkippingEnvironment(),
    startSmtpSandbox(),
    startSmsSandbox(
      options.smsReceipts
        ? { smsRuCallbackUrl: receiptUrl(publicUrl, 'smsru', receiptEnv.SMSRU_RECEIPT_SECRET) }
        : { receipts: false },
    ),
  ]);
  const config = loadConfig({
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    SMTP_API_URL: mailbox.apiUrl,
    SMS_API_URL: smsInbox.baseUrl,
    API_PORT: String(apiPort),
    ...(options.smsReceipts ? { PUBLIC_URL: publicUrl } : {}),
    TEMPORAL_TASK_QUEUE: `${options.name}-${Date.now()}`,
    // 5xx answers only: a failing test shows their causes without drowning in request logs.
    LOG_LEVEL: 'error',
    // The time-skipping server has no schedules; segment tests run the recompute through the API.
    SEGMENT_RECOMPUTE_CRON: 'off',
    ...receiptEnv,
    ...options.env,
  });
  const product = await startProduct({
    config,
    db: database.db,
    adminKey,
    trackingSecret: options.trackingSecret ?? `${options.name}-tracking-secret`,
    api: true,
    worker: true,
    sandbox: { mailbox, smsInbox },
    temporal: { connection: env.connection, client: env.client, nativeConnection: env.nativeConnection },
    deliveryPolicy: options.deliveryPolicy ?? DeliveryPolicy.parse({}),
    ...(options.tracing ? { tracing: options.tracing } : {}),
  });
  const apiUrl = product.apiUrl ?? '';
  return {
    product,
    apiUrl,
    adminKey,
    database,
    env,
    mailbox,
    smsInbox,
    async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      expect(response.ok, `${method} ${path} -> ${response.status} ${text}`).toBe(true);
      return JSON.parse(text) as T;
    },
    async stop() {
      await product.stop();
      await Promise.all([env.teardown(), mailbox.stop(), smsInbox.stop()]);
      await database.close();
      await testDb.close();
    },
  };
}
