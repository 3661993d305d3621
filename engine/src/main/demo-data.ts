import { clients, eq, journeys, offers, sql, templates, type Database } from '@touchpoint/db';
import { DEFAULT_SEGMENTATION_SETTINGS } from '@touchpoint/domain';
import type { FastifyInstance } from 'fastify';
import { CDNOW_CLIENT_ATTRIBUTES, DEFAULT_CDNOW_FILE, importCdnow } from '../cli/import-cdnow';
import {
  DEMO_JOURNEYS,
  DEMO_OFFERS,
  DEMO_RFM_CUT_RULE,
  DEMO_SIGNUP_EVENT_TYPE,
  DEMO_TEMPLATES,
} from './demo-content';

/**
 * CDNOW customers the demo loads and segments (small enough for PGlite); the overdue and R1F3M3 among
 * them enter the win-backs.
 */
const CDNOW_DEMO_CLIENTS = 200;

export interface SeedDemoDataOptions {
  db: Database;
  app: FastifyInstance;
  adminKey: string;
  progress: (message: string) => void;
}

/**
 * One demo client per time zone, two hours apart: whenever the demo starts, some are inside the shared
 * quiet hours (their mail is deferred, and the timeline says why) and most receive mail at once.
 */
const DEMO_TIME_ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];
const DEMO_CLIENTS = DEMO_TIME_ZONES.length;

/**
 * Loads the demo once (a later start finds the journeys and leaves everything as it is): catalog,
 * published journeys through the public API, CDNOW customers segmented as of now by the full recompute
 * (its `segment.entered` events start the win-backs; nobody is enrolled by hand), demo clients with
 * contact points and consent, and sign-up events so the first welcome emails reach the sandbox mailbox
 * within seconds.
 */
export async function seedDemoData(options: SeedDemoDataOptions): Promise<void> {
  const { db, progress } = options;
  const [existing] = await db
    .select({ id: journeys.id })
    .from(journeys)
    .where(eq(journeys.name, DEMO_JOURNEYS[0]!.name));
  if (existing) {
    progress('demo data already loaded');
    return;
  }
  progress('loading demo data: templates, offers, journeys, clients');
  await db.insert(templates).values(DEMO_TEMPLATES).onConflictDoNothing();
  await db.insert(offers).values(DEMO_OFFERS).onConflictDoNothing();
  const call = createApiCaller(options.app, options.adminKey);
  for (const journey of DEMO_JOURNEYS) {
    const created = await call<{ id: string }>('POST', '/v1/journeys', journey);
    await call('POST', `/v1/journeys/${created.id}/publish`, {});
  }
  await loadCdnowClients(db, progress);
  await call('PUT', '/v1/segmentation', {
    settings: { ...DEFAULT_SEGMENTATION_SETTINGS, rfm: DEMO_RFM_CUT_RULE },
  });
  progress('segmenting the CDNOW customers as of now (RFM cells, lifecycle stages, overdue)');
  const segmented = await call<{ clients: number; transitions: number }>(
    'POST',
    '/v1/segmentation/recompute',
    {},
  );
  progress(
    `segmented ${segmented.clients} clients: ${segmented.transitions} segment transitions, routed to the win-backs`,
  );
  const ids = Array.from({ length: DEMO_CLIENTS }, (_, index) => demoClientId(index + 1));
  for (const [index, id] of ids.entries()) {
    await call('PUT', `/v1/clients/${id}`, demoClientProfile(id, index + 1));
  }
  await call('POST', '/v1/events', { events: ids.map((id) => demoSignupEvent(id)) });
  progress(`demo data loaded: ${DEMO_JOURNEYS.length} journeys, ${DEMO_CLIENTS} clients signed up`);
}

const demoClientId = (index: number) => `demo-${String(index).padStart(3, '0')}`;

/** A demo client as `PUT /v1/clients/:id` takes it: email, phone, a time zone, a locale, consent. */
export function demoClientProfile(id: string, index: number) {
  const now = new Date().toISOString();
  return {
    email: `${id}@example.com`,
    phone: `+7916555${String(index).padStart(4, '0')}`,
    timeZone: DEMO_TIME_ZONES[(index - 1) % DEMO_TIME_ZONES.length],
    locale: index % 2 ? 'ru' : 'en',
    consent: { email: { status: 'granted', updatedAt: now }, sms: { status: 'granted', updatedAt: now } },
  };
}

/** The sign-up a demo client sends (`POST /v1/events`), which the welcome journeys enter on. */
export function demoSignupEvent(clientId: string) {
  return {
    idempotencyKey: `demo-signup-${clientId}`,
    clientId,
    type: DEMO_SIGNUP_EVENT_TYPE,
    occurredAt: new Date().toISOString(),
    source: 'demo',
  };
}

/**
 * The first CDNOW customers with their real purchase rhythm, replayed so the log ends today (their
 * expected next purchases fall around now), plus made-up contact points: the log has none.
 */
async function loadCdnowClients(db: Database, progress: (message: string) => void): Promise<void> {
  progress(`importing ${CDNOW_DEMO_CLIENTS} CDNOW customers and their purchases`);
  const result = await importCdnow({
    db,
    file: DEFAULT_CDNOW_FILE,
    limitClients: CDNOW_DEMO_CLIENTS,
    endAt: new Date(),
  });
  const granted = { status: 'granted', updatedAt: new Date().toISOString(), source: 'demo' };
  await db
    .update(clients)
    .set({
      email: sql`${clients.externalId} || '@cdnow.example'`,
      phone: sql`'+1555' || lpad(substr(${clients.externalId}, 7), 7, '0')`,
      timeZone: 'America/New_York',
      consent: { email: granted, sms: granted, call: granted } as typeof clients.$inferInsert.consent,
    })
    .where(sql`${clients.attributes} ->> 'source' = ${CDNOW_CLIENT_ATTRIBUTES.source}`);
  progress(`imported ${result.clients} customers, ${result.purchases} purchases`);
}

type Method = 'GET' | 'POST' | 'PUT';

/** Calls the API in-process with the admin key, failing loudly on any non-2xx answer. */
function createApiCaller(app: FastifyInstance, adminKey: string) {
  return async <T = unknown>(method: Method, url: string, payload?: unknown): Promise<T> => {
    const response = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${adminKey}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (response.statusCode >= 300) {
      throw new Error(`demo data: ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    }
    return response.json<T>();
  };
}
