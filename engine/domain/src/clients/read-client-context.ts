import { and, eq, gte, inArray, sql, sum } from 'drizzle-orm';
import { clientFacts, clients, events, purchases, type Executor } from '@touchpoint/db';
import type { CheckpointQuery, ClientContext, FactQuery } from '@touchpoint/language';
import { readClientSegments } from '../segments/segment-members';
import { tagsOf } from './client-tags';

const DAY_MS = 86_400_000;

/** What a condition or a checkpoint wait asks about a client, at the workflow's now. */
export interface ClientContextRequest {
  clientId: string;
  at: Date;
  facts: readonly FactQuery[];
  checkpoints: readonly CheckpointQuery[];
}

async function answerFact(db: Executor, clientId: string, at: Date, query: FactQuery): Promise<number> {
  if (query.kind === 'engagement') {
    const since = new Date(at.getTime() - query.withinDays * DAY_MS);
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(events)
      .where(
        and(
          eq(events.clientId, clientId),
          inArray(events.type, query.eventTypes),
          gte(events.occurredAt, since),
        ),
      );
    return row?.count ?? 0;
  }
  const window =
    query.withinDays === null
      ? []
      : [gte(purchases.purchasedAt, new Date(at.getTime() - query.withinDays * DAY_MS))];
  const [row] = await db
    .select({ total: sum(purchases.value) })
    .from(purchases)
    .where(and(eq(purchases.clientId, clientId), ...window));
  return Number(row?.total ?? 0);
}

function readCheckpoint(
  query: CheckpointQuery,
  attributes: Record<string, unknown>,
  expectedNextPurchaseAt: Date | null,
): string | null {
  if (query.source === 'expectedNextPurchase') return expectedNextPurchaseAt?.toISOString() ?? null;
  const value = attributes[query.attribute ?? ''];
  const time = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The journey language's view of a client (attributes, tags, segments, facts, checkpoints); `undefined` for an unknown client. */
export async function readClientContext(
  db: Executor,
  request: ClientContextRequest,
): Promise<ClientContext | undefined> {
  const [client] = await db.select().from(clients).where(eq(clients.id, request.clientId));
  if (!client) return undefined;
  const [facts] = await db.select().from(clientFacts).where(eq(clientFacts.clientId, request.clientId));
  const answers: Record<string, number> = {};
  for (const query of request.facts) answers[query.key] = await answerFact(db, client.id, request.at, query);
  const checkpoints: Record<string, string | null> = {};
  for (const query of request.checkpoints) {
    checkpoints[query.key] = readCheckpoint(query, client.attributes, facts?.expectedNextPurchaseAt ?? null);
  }
  return {
    clientId: client.id,
    timezone: client.timeZone,
    attributes: client.attributes,
    tags: tagsOf(client.attributes),
    segments: await readClientSegments(db, client.id, client.attributes),
    facts: answers,
    checkpoints,
  };
}
