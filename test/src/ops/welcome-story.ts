import { templates, type Database } from '@touchpoint/db';

/** The first-journey story the ops tests drive: an email on sign-up, two days, an SMS, done. */
export const WELCOME_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signed_up' } } } },
    {
      id: 'welcome-email',
      kind: 'send',
      config: { channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
    },
    { id: 'two-days', kind: 'wait', config: { mode: 'duration', duration: { amount: 2, unit: 'days' } } },
    { id: 'nudge-sms', kind: 'send', config: { channels: ['sms'], templateId: 'nudge', quietHours: 'skip' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome-email' },
    { id: 'e2', source: 'welcome-email', sourcePort: 'sent', target: 'two-days' },
    { id: 'e3', source: 'two-days', sourcePort: 'out', target: 'nudge-sms' },
    { id: 'e4', source: 'nudge-sms', sourcePort: 'sent', target: 'done' },
    { id: 'e5', source: 'welcome-email', sourcePort: 'unreachable', target: 'not-reachable' },
    { id: 'e6', source: 'nudge-sms', sourcePort: 'unreachable', target: 'not-reachable' },
  ],
  settings: {},
  layout: {},
};

export async function insertWelcomeTemplates(db: Database): Promise<void> {
  await db.insert(templates).values([
    {
      key: 'welcome',
      channel: 'email',
      name: 'Welcome',
      format: 'text',
      subject: 'Welcome, {{ client.firstName }}',
      body: 'Glad you are here.',
    },
    {
      key: 'nudge',
      channel: 'sms',
      name: 'Nudge',
      format: 'text',
      body: 'Still thinking? Reply with questions.',
    },
  ]);
}

/**
 * A time zone where it is early afternoon now, so the production processes' default quiet hours
 * (22:00-08:00 local) never hold a test's mail, whenever it runs.
 */
export function afternoonTimeZone(now = new Date()): string {
  const offset = ((13 - now.getUTCHours() + 36) % 24) - 12;
  // POSIX-style names: Etc/GMT-3 is UTC+3.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** A client's profile; `emailConsent: 'denied'` makes the policy skip the welcome mail. */
export function welcomeClient(options: {
  email: string;
  emailConsent?: 'granted' | 'denied';
  timeZone?: string;
}) {
  const now = new Date().toISOString();
  return {
    email: options.email,
    phone: '+79161234567',
    timeZone: options.timeZone ?? 'Europe/Moscow',
    attributes: { firstName: 'Anna' },
    consent: {
      email: { status: options.emailConsent ?? 'granted', updatedAt: now },
      sms: { status: 'granted', updatedAt: now },
    },
  };
}

export function signUpEvent(clientId: string, key = `signup-${clientId}`) {
  return { idempotencyKey: key, clientId, type: 'signed_up', occurredAt: new Date().toISOString() };
}
