import { templates, type Database } from '@touchpoint/db';

// The product's first story, the one every end-to-end and ops test tells: a client signs up, gets a
// welcome email, two days later a nudge by SMS, done. One definition and one catalog here, so the
// stories the tests tell cannot drift apart; each variant below names what it leaves out and why.

const ENTER_ON_SIGN_UP = {
  id: 'entry',
  kind: 'entry',
  config: { trigger: { kind: 'event', event: { type: 'signed_up' } } },
};
const ENTER_BY_UPLOAD = { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } };
const WELCOME_EMAIL = {
  id: 'welcome-email',
  kind: 'send',
  config: { channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
};
const TWO_DAYS = {
  id: 'two-days',
  kind: 'wait',
  config: { mode: 'duration', duration: { amount: 2, unit: 'days' } },
};
const NUDGE_SMS = {
  id: 'nudge-sms',
  kind: 'send',
  config: { channels: ['sms'], templateId: 'nudge', quietHours: 'skip' },
};
const DONE = { id: 'done', kind: 'exit', config: { reason: 'completed' } };
const NOT_REACHABLE = { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } };

/** A definition whose steps run in `path` order, every send's `unreachable` port leading out. */
function journeyAlong(path: { id: string; kind: string }[]) {
  const steps = path.map((node, index) => ({
    id: `e${index + 1}`,
    source: node.id,
    sourcePort: node.kind === 'send' ? 'sent' : 'out',
    target: path[index + 1]?.id ?? DONE.id,
  }));
  const unreachable = path
    .filter((node) => node.kind === 'send')
    .map((node, index) => ({
      id: `e${steps.length + index + 1}`,
      source: node.id,
      sourcePort: 'unreachable',
      target: NOT_REACHABLE.id,
    }));
  return {
    schemaVersion: 1,
    nodes: [...path, DONE, NOT_REACHABLE],
    edges: [...steps, ...unreachable],
    settings: {},
    layout: {},
  };
}

/** The whole story: email on sign-up, wait two days, SMS, done (on the time-skipping server). */
export const WELCOME_JOURNEY = journeyAlong([ENTER_ON_SIGN_UP, WELCOME_EMAIL, TWO_DAYS, NUDGE_SMS]);

/** The story without its two-day wait, for a real Temporal server, which keeps real time. */
export const SIGN_UP_STORY = journeyAlong([ENTER_ON_SIGN_UP, WELCOME_EMAIL, NUDGE_SMS]);

/** The story's nudge alone, for clients who enter by upload (CSV): one SMS, done. */
export const UPLOAD_STORY = journeyAlong([ENTER_BY_UPLOAD, NUDGE_SMS]);

/** The story's catalog: the templates its sends name. */
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

/** The story's client (Anna); `emailConsent: 'denied'` makes the policy skip the welcome mail. */
export function welcomeClient(options: {
  email: string;
  emailConsent?: 'granted' | 'denied';
  timeZone?: string;
  phone?: string;
}) {
  const now = new Date().toISOString();
  return {
    email: options.email,
    phone: options.phone ?? '+79161234567',
    timeZone: options.timeZone ?? 'Europe/Moscow',
    attributes: { firstName: 'Anna' },
    consent: {
      email: { status: options.emailConsent ?? 'granted', updatedAt: now },
      sms: { status: 'granted', updatedAt: now },
    },
  };
}

/** The event that starts the story. */
export function signUpEvent(clientId: string, key = `signup-${clientId}`) {
  return { idempotencyKey: key, clientId, type: 'signed_up', occurredAt: new Date().toISOString() };
}
