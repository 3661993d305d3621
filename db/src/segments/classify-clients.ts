import { and, asc, eq, gt, gte, inArray, lte } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { isClientOverdue, daysSinceLastPurchase } from '../client-facts/smart-trigger';
import { clientFacts } from '../schema/client-facts';
import { clients } from '../schema/clients';
import { classifyLifecycleStage, classifyRfmCell, OVERDUE_SEGMENT } from './classify-client';
import { compileSegmentRule } from './compile-segment-rule';
import type { SegmentationContext } from './load-segmentation-context';

/** Which clients a pass classifies: the next `limit` after a client id (a full recompute), or given ids. */
export type ClientScope = { after: string | null; limit: number } | { ids: readonly string[] };

/** One classified client: the segments they belong in now, and their RFM cell and stage. */
export interface ClassifiedClient {
  id: string;
  externalId: string;
  rfmCell: string | null;
  lifecycleStage: string | null;
  /** Stored before this pass, to tell which `client_facts` rows to rewrite. */
  storedRfmCell: string | null;
  storedLifecycleStage: string | null;
  segmentIds: Set<string>;
}

async function loadScope(db: Executor, scope: ClientScope) {
  const where =
    'ids' in scope
      ? inArray(clients.id, [...scope.ids])
      : scope.after === null
        ? undefined
        : gt(clients.id, scope.after);
  const query = db
    .select({
      id: clients.id,
      externalId: clients.externalId,
      purchaseCount: clientFacts.purchaseCount,
      totalValue: clientFacts.totalValue,
      lastPurchaseAt: clientFacts.lastPurchaseAt,
      meanIntervalDays: clientFacts.meanIntervalDays,
      rfmCell: clientFacts.rfmCell,
      lifecycleStage: clientFacts.lifecycleStage,
    })
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(where)
    .orderBy(asc(clients.id));
  return 'ids' in scope ? query : query.limit(scope.limit);
}

/** The clients of the loaded scope, as a condition the rule queries can reuse. */
function loadedRange(ids: readonly string[]): SQL | undefined {
  return and(gte(clients.id, ids[0]!), lte(clients.id, ids.at(-1)!));
}

/**
 * Classifies the scope's clients as of `asOf`: RFM cell, lifecycle stage and `overdue` with the pure
 * rules (classify-client.ts, smart-trigger.ts), and each saved segment with its compiled rule (one query
 * per segment over the scope). Reads only; `applySegmentChanges` writes.
 */
export async function classifyClients(
  db: Executor,
  context: SegmentationContext,
  scope: ClientScope,
  asOf: Date,
): Promise<ClassifiedClient[]> {
  const rows = await loadScope(db, scope);
  if (rows.length === 0) return [];
  const overdue = context.builtInByKey.get(OVERDUE_SEGMENT);
  const classified = rows.map((row): ClassifiedClient => {
    const segmentIds = new Set<string>();
    let rfmCell: string | null = null;
    let lifecycleStage: string | null = null;
    if (row.purchaseCount !== null && row.purchaseCount > 0 && row.lastPurchaseAt !== null) {
      const facts = {
        purchaseCount: row.purchaseCount,
        totalValue: Number(row.totalValue ?? 0),
        daysSinceLastPurchase: daysSinceLastPurchase(row.lastPurchaseAt, asOf),
      };
      rfmCell = classifyRfmCell(facts, context.cutPoints);
      lifecycleStage = classifyLifecycleStage(facts, context.settings.lifecycle);
      for (const key of [rfmCell, lifecycleStage]) {
        const segment = key === null ? undefined : context.builtInByKey.get(key);
        if (segment) segmentIds.add(segment.id);
      }
      if (overdue && isClientOverdue(row, asOf)) segmentIds.add(overdue.id);
    }
    return {
      id: row.id,
      externalId: row.externalId,
      rfmCell,
      lifecycleStage,
      storedRfmCell: row.rfmCell,
      storedLifecycleStage: row.lifecycleStage,
      segmentIds,
    };
  });
  const byId = new Map(classified.map((client) => [client.id, client]));
  const ids = classified.map((client) => client.id);
  const within = 'ids' in scope ? inArray(clients.id, ids) : loadedRange(ids);
  for (const segment of context.ruleSegments) {
    const members = await db
      .select({ id: clients.id })
      .from(clients)
      .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
      .where(and(within, compileSegmentRule(segment.rule, asOf)));
    for (const member of members) byId.get(member.id)?.segmentIds.add(segment.id);
  }
  return classified;
}
