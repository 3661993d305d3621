import { asc, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clientFacts } from '@touchpoint/db';
import type { NewClientFactsRow } from '@touchpoint/db';
import { purchases } from '@touchpoint/db';
import { chunksOf } from '../ingest/chunks';
import { computeClientFacts } from './smart-trigger';
import type { PurchaseForFacts } from './smart-trigger';

/**
 * Recomputes `client_facts` for the given clients from their whole purchase history and upserts them.
 * Recomputing (rather than folding in the newest purchase) keeps facts exact when purchases arrive late or
 * out of order, and makes the call idempotent, so routing can safely replay it.
 */
export async function refreshClientFacts(db: Executor, clientIds: readonly string[]): Promise<void> {
  // One statement per chunk keeps every upsert under PostgreSQL's bind-parameter limit.
  for (const ids of chunksOf([...new Set(clientIds)])) await refreshChunk(db, ids);
}

async function refreshChunk(db: Executor, ids: readonly string[]): Promise<void> {
  const rows = await db
    .select({ clientId: purchases.clientId, purchasedAt: purchases.purchasedAt, value: purchases.value })
    .from(purchases)
    .where(inArray(purchases.clientId, ids))
    .orderBy(asc(purchases.clientId), asc(purchases.purchasedAt));
  const byClient = new Map<string, PurchaseForFacts[]>(ids.map((id) => [id, []]));
  for (const row of rows) byClient.get(row.clientId)?.push(row);
  const values: NewClientFactsRow[] = [...byClient].map(([clientId, history]) => ({
    clientId,
    ...computeClientFacts(history),
    updatedAt: new Date(),
  }));
  await db
    .insert(clientFacts)
    .values(values)
    .onConflictDoUpdate({ target: clientFacts.clientId, set: excludedColumns() });
}

/** Columns the segmentation job owns: a purchase's refresh must not reset them to null. */
const SEGMENTATION_COLUMNS = new Set(['clientId', 'rfmCell', 'lifecycleStage']);

/** `set col = excluded.col` for every column but the key and the segmentation job's. */
function excludedColumns(): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(clientFacts))) {
    if (!SEGMENTATION_COLUMNS.has(key)) set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}
