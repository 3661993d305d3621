import { clients, eq, messages, offers, products, sql, templates } from '@touchpoint/db';
import { grantedConsent, waitUntilAllRouted } from '../harness/product-reads';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import type { TestProduct } from '../harness/test-product';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The measured journey: an offer of the sofa, two days later a reminder, then a month to buy. Clients
 * without an email leave unreached; a purchase at any point is the goal.
 */
export const OFFER_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signup' } } } },
    {
      id: 'offer',
      kind: 'send',
      config: { channels: ['email'], templateId: 'offer', offer: { offerId: 'sofa-deal' } },
    },
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 2, unit: 'days' } } },
    { id: 'reminder', kind: 'send', config: { channels: ['email'], templateId: 'reminder' } },
    { id: 'month', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'offer' },
    { id: 'e2', source: 'offer', sourcePort: 'sent', target: 'pause' },
    { id: 'e3', source: 'offer', sourcePort: 'unreachable', target: 'done' },
    { id: 'e4', source: 'pause', sourcePort: 'out', target: 'reminder' },
    { id: 'e5', source: 'reminder', sourcePort: 'sent', target: 'month' },
    { id: 'e6', source: 'reminder', sourcePort: 'unreachable', target: 'done' },
    { id: 'e7', source: 'month', sourcePort: 'out', target: 'done' },
  ],
  goal: { name: 'Purchase', event: { type: 'purchase', filters: [] } },
  settings: {},
  layout: {},
};

const idOf = (i: number) => `m${String(i).padStart(3, '0')}`;
const hasNoEmail = (i: number) => i % 17 === 16;
/** Buys the offered sofa (or its neighbour) the day after the offer, before the reminder goes. */
const buysEarly = (i: number) => i % 5 === 0 && !hasNoEmail(i);
/** Buys a lamp three days after the reminder. */
const buysLate = (i: number) => i % 7 === 3 && !buysEarly(i) && !hasNoEmail(i);

async function sentAtOf(tp: TestProduct, nodeId: string) {
  const rows = await tp.database.db
    .select({ externalId: clients.externalId, id: messages.id, sentAt: messages.sentAt })
    .from(messages)
    .innerJoin(clients, eq(clients.id, messages.clientId))
    .where(sql`${messages.nodeId} = ${nodeId} and ${messages.sentAt} is not null`);
  return new Map(rows.map((row) => [row.externalId, { id: row.id, at: row.sentAt!.getTime() }]));
}

/**
 * Waits until `current()` reaches `expected`. A population takes minutes on a loaded machine, so the
 * budget is several PATIENCE_MS; a failure says how far it got.
 */
async function waitForCount(current: () => Promise<number>, expected: number, what: string) {
  let seen = -1;
  try {
    await waitUntil(async () => (seen = await current()) === expected, 4 * PATIENCE_MS, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${seen} of ${expected}`, { cause: error });
  }
}

async function countRows(tp: TestProduct, query: ReturnType<typeof sql>) {
  const result = (await tp.database.db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

function eventsFor(i: number, first: { id: string; at: number }, second: { at: number } | undefined) {
  const clientId = idOf(i);
  const last = second?.at ?? first.at;
  const list: { type: string; at: number; messageId?: string }[] = [];
  // Tracking hits name their own message: inside the open window, and one past it.
  if (i % 2 === 0) list.push({ type: 'email.opened', at: first.at + HOUR, messageId: first.id });
  if (i % 7 === 0) list.push({ type: 'email.opened', at: first.at + 6 * DAY, messageId: first.id });
  if (i % 3 === 0) list.push({ type: 'email.clicked', at: last + 4 * DAY });
  if (i % 11 === 0) list.push({ type: 'email.clicked', at: last + 5 * DAY + 1000 });
  // Exactly on the window's edge: inside (both ends inclusive).
  if (i % 13 === 0) list.push({ type: 'email.clicked', at: last + 5 * DAY });
  // Between the offer and the reminder: only the offer qualifies, whatever the rule.
  if (i % 8 === 5 && second) list.push({ type: 'email.clicked', at: Math.floor((first.at + second.at) / 2) });
  if (i % 4 === 1) list.push({ type: 'call.reached', at: last + 3 * DAY });
  // A tie in time: a meeting at the same instant as a click.
  if (i % 12 === 0) list.push({ type: 'meeting.booked', at: last + 4 * DAY });
  if (i % 6 === 1) list.push({ type: 'booking.completed', at: last + 10 * DAY });
  if (i % 9 === 2) list.push({ type: 'booking.completed', at: last + 20 * DAY });
  if (i % 10 === 3) list.push({ type: 'deal.closed', at: last + 25 * DAY });
  if (i % 10 === 4) list.push({ type: 'deal.closed', at: last + 31 * DAY });
  return list.map((event, n) => ({
    idempotencyKey: `${clientId}-${n}-${event.type}`,
    clientId,
    type: event.type,
    occurredAt: new Date(event.at).toISOString(),
    ...(event.messageId ? { messageId: event.messageId } : {}),
  }));
}

const purchase = (i: number, at: number, sku: string, unitPrice: number) => ({
  idempotencyKey: `order-${idOf(i)}`,
  clientId: idOf(i),
  purchasedAt: new Date(at).toISOString(),
  value: unitPrice * 2,
  lines: [
    { sku, quantity: 1, unitPrice },
    { sku: 'sku-lamp', quantity: 1, unitPrice },
  ],
});

/**
 * Seeds `size` clients through the API on the published journey: signups, the two sends, tracking
 * hits, calls, meetings, bookings and deals inside and outside their windows and on their edges, and
 * purchases that convert. Returns the journey id once every run has settled where the story leaves it.
 */
export async function seedPopulation(tp: TestProduct, size: number): Promise<string> {
  const db = tp.database.db;
  await db.insert(templates).values([
    { key: 'offer', channel: 'email', name: 'Offer', subject: 'The sofa', body: 'Yours at a discount.' },
    {
      key: 'reminder',
      channel: 'email',
      name: 'Reminder',
      subject: 'Still thinking?',
      body: 'It is waiting.',
    },
  ]);
  await db.insert(products).values([
    { sku: 'sku-sofa', name: 'Sofa', category: 'sofas', price: 900 },
    { sku: 'sku-sofa-xl', name: 'Sofa XL', category: 'sofas', price: 1200 },
    { sku: 'sku-lamp', name: 'Lamp', category: 'lamps', price: 60 },
  ]);
  await db.insert(offers).values({
    key: 'sofa-deal',
    name: 'Sofa deal',
    kind: 'percentDiscount',
    value: 10,
    productSku: 'sku-sofa',
  });
  const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
    name: 'Sofa',
    definition: OFFER_JOURNEY,
  });
  await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
  const indices = [...Array(size).keys()];
  for (const i of indices) {
    await tp.call('PUT', `/v1/clients/${idOf(i)}`, {
      ...(hasNoEmail(i) ? {} : { email: `${idOf(i)}@example.com` }),
      consent: grantedConsent(),
    });
  }
  const now = Date.now();
  await tp.call('POST', '/v1/events', {
    events: indices.map((i) => ({
      idempotencyKey: `signup-${idOf(i)}`,
      clientId: idOf(i),
      type: 'signup',
      occurredAt: new Date(now).toISOString(),
    })),
  });
  const reachable = indices.filter((i) => !hasNoEmail(i));
  const sent = async (nodeId: string) => (await sentAtOf(tp, nodeId)).size;
  const converted = () =>
    countRows(tp, sql`select count(*)::int as n from enrollments where exit_reason = 'converted'`);
  await waitForCount(() => sent('offer'), reachable.length, 'offers sent');
  const offered = await sentAtOf(tp, 'offer');
  const early = reachable.filter(buysEarly);
  await tp.call('POST', '/v1/purchases', {
    purchases: early.map((i) =>
      purchase(i, offered.get(idOf(i))!.at + DAY, i % 10 === 0 ? 'sku-sofa' : 'sku-sofa-xl', 900),
    ),
  });
  // Before the clock moves: an early buyer converts at the pause and never gets the reminder.
  await waitForCount(converted, early.length, 'early buyers converted');
  await tp.env.sleep(2 * DAY + HOUR);
  const reminded = reachable.filter((i) => !buysEarly(i));
  await waitForCount(() => sent('reminder'), reminded.length, 'reminders sent');
  const second = await sentAtOf(tp, 'reminder');
  const events = reachable.flatMap((i) => eventsFor(i, offered.get(idOf(i))!, second.get(idOf(i))));
  for (let start = 0; start < events.length; start += 500) {
    await tp.call('POST', '/v1/events', { events: events.slice(start, start + 500) });
  }
  const late = reminded.filter(buysLate);
  await tp.call('POST', '/v1/purchases', {
    purchases: late.map((i) => purchase(i, second.get(idOf(i))!.at + 3 * DAY, 'sku-lamp', 60)),
  });
  await waitForCount(converted, early.length + late.length, 'late buyers converted');
  await waitUntilAllRouted(tp, 4 * PATIENCE_MS);
  return journey.id;
}
