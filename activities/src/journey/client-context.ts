import { and, eq, gte, inArray, sql, sum } from 'drizzle-orm';
import { clientFacts, clients, events, purchases, readClientSegments } from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import { activityFailure, parseActivityInput } from '../activity-failures';
import { LoadClientContextInput, UpdateClientInput } from './journey-activity-contract';
import type { CheckpointQuery, ClientContextResult, FactQuery } from './journey-activity-contract';

const DAY_MS = 86_400_000;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

async function answerFact(db: Database, clientId: string, at: Date, query: FactQuery): Promise<number> {
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

/** Loads what a condition or a checkpoint wait needs about a client; fails permanently for an unknown client. */
export async function loadClientContext(
  db: Database,
  rawInput: LoadClientContextInput,
): Promise<ClientContextResult> {
  const input = parseActivityInput(LoadClientContextInput, rawInput, 'loadClientContext');
  const [client] = await db.select().from(clients).where(eq(clients.id, input.clientId));
  if (!client) throw activityFailure('ClientNotFound', `Client ${input.clientId} does not exist`);
  const [facts] = await db.select().from(clientFacts).where(eq(clientFacts.clientId, input.clientId));
  const at = new Date(input.at);
  const answers: Record<string, number> = {};
  for (const query of input.facts) answers[query.key] = await answerFact(db, input.clientId, at, query);
  const checkpoints: Record<string, string | null> = {};
  for (const query of input.checkpoints) {
    checkpoints[query.key] = readCheckpoint(query, client.attributes, facts?.expectedNextPurchaseAt ?? null);
  }
  return {
    clientId: client.id,
    timezone: client.timeZone,
    attributes: client.attributes,
    tags: stringList(client.attributes.tags),
    segments: await readClientSegments(db, client.id, client.attributes),
    facts: answers,
    checkpoints,
  };
}

/** Sets attributes and adds / removes tags (kept in `attributes.tags` until clients get a tags column). */
export async function updateClient(db: Database, rawInput: UpdateClientInput): Promise<void> {
  const input = parseActivityInput(UpdateClientInput, rawInput, 'updateClient');
  await db.transaction(async (tx) => {
    const [client] = await tx.select().from(clients).where(eq(clients.id, input.clientId)).for('update');
    if (!client) throw activityFailure('ClientNotFound', `Client ${input.clientId} does not exist`);
    const tags = new Set(stringList(client.attributes.tags));
    input.addTags.forEach((tag) => tags.add(tag));
    input.removeTags.forEach((tag) => tags.delete(tag));
    const attributes = { ...client.attributes, ...input.setAttributes, tags: [...tags].sort() };
    await tx.update(clients).set({ attributes, updatedAt: new Date() }).where(eq(clients.id, input.clientId));
  });
}
