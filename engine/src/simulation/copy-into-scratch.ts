import { randomUUID } from 'node:crypto';
import {
  and,
  clientFacts,
  clients,
  desc,
  eq,
  gt,
  isNotNull,
  journeys,
  journeyVersions,
  messages,
  offers,
  purchases,
  templates,
  type ClientConsent,
  type Database,
  type JourneyRow,
} from '@touchpoint/db';
import { offsetTextToMs } from '@touchpoint/language';
import { type MadeUpClient } from '@touchpoint/language/api-contract';
import { SimulationInputError } from './simulation-input-error';

/** Purchases of a real client copied for conditions over their history (newest first). */
const COPIED_PURCHASES = 1_000;

/** What a run needs that lives outside the run: the journey and version, the catalog. */
export async function copyJourneyAndCatalog(
  real: Database,
  scratch: Database,
  journey: JourneyRow,
  version: { number: number; definition: unknown },
): Promise<void> {
  const [templateRows, offerRows] = await Promise.all([
    real.select().from(templates),
    real.select().from(offers),
  ]);
  await scratch.insert(journeys).values({ ...journey, createdBy: null });
  await scratch.insert(journeyVersions).values({
    journeyId: journey.id,
    number: version.number,
    definition: version.definition as never,
  });
  if (templateRows.length > 0) await scratch.insert(templates).values(templateRows);
  if (offerRows.length > 0) await scratch.insert(offers).values(offerRows);
}

/**
 * A real client as the run needs them: their row (attributes, consent, time zone, contact points),
 * purchase facts, purchases, and the sends of the last `capWindowMs`, which count against the
 * frequency caps exactly as they would live. Returns the client's id (the same as in the real database).
 */
export async function copyRealClient(
  real: Database,
  scratch: Database,
  externalId: string,
  now: Date,
  capWindowMs: number,
): Promise<string> {
  const [client] = await real.select().from(clients).where(eq(clients.externalId, externalId));
  if (!client) throw new SimulationInputError('not_found', 'body.clientId', `no client "${externalId}"`);
  const since = new Date(now.getTime() - capWindowMs);
  const [facts, bought, sent] = await Promise.all([
    real.select().from(clientFacts).where(eq(clientFacts.clientId, client.id)),
    real
      .select()
      .from(purchases)
      .where(eq(purchases.clientId, client.id))
      .orderBy(desc(purchases.purchasedAt))
      .limit(COPIED_PURCHASES),
    real
      .select({ channel: messages.channel, sentAt: messages.sentAt, status: messages.status })
      .from(messages)
      .where(and(eq(messages.clientId, client.id), isNotNull(messages.sentAt), gt(messages.sentAt, since))),
  ]);
  await scratch.insert(clients).values(client);
  if (facts.length > 0) await scratch.insert(clientFacts).values(facts);
  if (bought.length > 0) await scratch.insert(purchases).values(bought);
  if (sent.length > 0) {
    // Only when and on which channel matter to the caps; the rest of those rows stays where it is.
    await scratch.insert(messages).values(
      sent.map((row) => ({
        idempotencyKey: `history:${randomUUID()}`,
        clientId: client.id,
        channel: row.channel,
        status: row.status,
        sentAt: row.sentAt,
      })),
    );
  }
  return client.id;
}

/** A moment of a made-up client's history: an offset from the start, or an absolute time. */
function resolveMoment(text: string | undefined, startMs: number): Date | null {
  if (text === undefined) return null;
  const offset = offsetTextToMs(text);
  return new Date(offset === null ? Date.parse(text) : startMs + offset);
}

/** Inserts a client who exists only for this run; returns their id. */
export async function insertMadeUpClient(
  scratch: Database,
  spec: MadeUpClient,
  startMs: number,
): Promise<string> {
  const at = new Date(startMs).toISOString();
  const consent: ClientConsent = Object.fromEntries(
    Object.entries(spec.consent).map(([channel, status]) => [
      channel,
      { status, updatedAt: at, source: 'test path' },
    ]),
  );
  const [row] = await scratch
    .insert(clients)
    .values({
      externalId: `test-path-${randomUUID()}`,
      email: spec.email,
      phone: spec.phone,
      timeZone: spec.timeZone,
      locale: spec.locale,
      attributes: spec.attributes,
      consent,
    })
    .returning({ id: clients.id });
  const id = row!.id;
  const { facts } = spec;
  if (Object.keys(facts).length > 0) {
    await scratch.insert(clientFacts).values({
      clientId: id,
      purchaseCount: facts.purchaseCount ?? 0,
      lastPurchaseAt: resolveMoment(facts.lastPurchaseAt, startMs),
      expectedNextPurchaseAt: resolveMoment(facts.expectedNextPurchaseAt, startMs),
      meanIntervalDays: facts.meanIntervalDays ?? null,
    });
  }
  return id;
}
