import { createSmtpAdapter, createTwilioAdapter, DeliveryPolicy } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import {
  clients,
  openDatabase,
  templates,
  type ClientConsent,
  type Database,
  type NewClientRow,
} from '@touchpoint/db';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from '../harness/database';

export const TEMPLATE_KEY = 'winback';
export const TRACKING = { baseUrl: 'https://touchpoint.test', secret: 'test-secret' };

const granted = (): ClientConsent => {
  const at = new Date('2025-01-01T00:00:00Z').toISOString();
  return {
    email: { status: 'granted', updatedAt: at },
    sms: { status: 'granted', updatedAt: at },
    call: { status: 'granted', updatedAt: at },
  };
};

/** A client with email, phone and consent on every channel unless overridden. */
export async function seedClient(db: Database, overrides: Partial<NewClientRow> = {}) {
  const externalId = overrides.externalId ?? `c-${Math.random().toString(36).slice(2)}`;
  const [row] = await db
    .insert(clients)
    .values({
      externalId,
      email: `${externalId}@example.com`,
      phone: '+79991234567',
      timeZone: 'Europe/Moscow',
      consent: granted(),
      ...overrides,
    })
    .returning();
  return row!;
}

/** Email, SMS and call variants of one template key. */
export async function seedTemplates(db: Database, key = TEMPLATE_KEY) {
  await db
    .insert(templates)
    .values([
      {
        key,
        channel: 'email',
        name: 'Win-back email',
        format: 'mjml',
        subject: '{{ client.firstName | default: "Hello" }}, {{ offer.discount }}% off',
        body: '<mjml><mj-body><mj-section><mj-column><mj-text>We miss you, {{ client.firstName }}.</mj-text><mj-button href="https://shop.example.com">Shop</mj-button></mj-column></mj-section></mj-body></mjml>',
      },
      {
        key,
        channel: 'sms',
        name: 'Win-back SMS',
        format: 'text',
        body: '{{ client.firstName }}, скидка {{ offer.discount }}%',
      },
      {
        key,
        channel: 'call',
        name: 'Win-back call',
        format: 'text',
        body: 'Offer {{ offer.discount }}% to {{ client.firstName }}',
      },
    ])
    .onConflictDoNothing();
}

const NIGHT = { start: '21:00', end: '09:00' };

/** Caps and quiet hours used across the channel tests. */
export const TEST_POLICY = DeliveryPolicy.parse({
  channelCaps: { sms: [{ max: 1, windowHours: 24 }] },
  overallCaps: [{ max: 3, windowHours: 24 * 7 }],
  quietHours: { email: NIGHT, sms: NIGHT, call: NIGHT },
});

/** Adapters aimed at the loopback sandboxes. */
export function createSandboxAdapters(smtp: SmtpSandbox, sms: SmsSandbox) {
  return {
    email: createSmtpAdapter({
      host: smtp.host,
      port: smtp.port,
      ignoreTls: true,
      from: 'Touchpoint <news@touchpoint.test>',
      messageIdDomain: 'touchpoint.test',
      maxConnections: 10,
      apiUrl: smtp.apiUrl,
    }),
    sms: createTwilioAdapter({
      accountSid: 'ACtest',
      authToken: 'token',
      from: '+15005550006',
      baseUrl: sms.baseUrl,
    }),
  };
}

/** What a channel test file sends through: its own database and both loopback sandboxes. */
export interface SendWorld {
  db: Database;
  smtp: SmtpSandbox;
  sms: SmsSandbox;
  adapters: ReturnType<typeof createSandboxAdapters>;
}

/**
 * Gives the calling test file a send world — a fresh migrated database with the templates seeded,
 * the SMTP and SMS sandboxes, adapters aimed at them — handed to `ready` in beforeAll and stopped in
 * afterAll.
 */
export function useSendWorld(ready: (world: SendWorld) => void): void {
  let stop = async () => {};
  beforeAll(async () => {
    const testDb = await createTestDatabase();
    const database = openDatabase(testDb.url);
    const [smtp, sms] = await Promise.all([startSmtpSandbox(), startSmsSandbox()]);
    const adapters = createSandboxAdapters(smtp, sms);
    stop = async () => {
      await adapters.email.close();
      await Promise.all([smtp.stop(), sms.stop()]);
      await database.close();
      await testDb.close();
    };
    await seedTemplates(database.db);
    ready({ db: database.db, smtp, sms, adapters });
  });
  afterAll(() => stop());
}
