import {
  createSmtpAdapter,
  createTwilioAdapter,
  DeliveryPolicy,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels';
import { clients, templates, type ClientConsent, type Database, type NewClientRow } from '@touchpoint/db';

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

/** Caps and quiet hours used across the channel tests. */
export const TEST_POLICY = DeliveryPolicy.parse({
  channelCaps: { sms: [{ max: 1, windowHours: 24 }] },
  overallCaps: [{ max: 3, windowHours: 24 * 7 }],
  quietHours: { start: '21:00', end: '09:00' },
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
