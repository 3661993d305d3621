import { upsertSearchAttributes } from '@temporalio/workflow';
import type { JourneyWorkflowInput } from './journey-workflow-types';
import type { RunContext } from './run-context';
import { JOURNEY_VERSION_ATTRIBUTE } from './search-attributes';
import type { MigrationRequest } from './signals';

/** Keeps a migration request only when the client is still where the migration expects it. */
export function acceptMigration(ctx: RunContext, request: MigrationRequest): void {
  const isOnSource =
    ctx.input.journeyVersion === request.fromVersion && ctx.state.cursor.nodeId === request.fromNodeId;
  if (!isOnSource || ctx.exitRequest || !ctx.state.enrollmentId) return;
  ctx.migrationRequest ??= request;
}

/**
 * Records the move and returns the input of the next run: the new version's definition, the cursor
 * on the mapped node (a new visit that came from the old one by port `migrated`), its waits still
 * anchored where the client first arrived, and every other piece of state carried as it was.
 */
export async function prepareMigration(
  ctx: RunContext,
  request: MigrationRequest,
): Promise<JourneyWorkflowInput> {
  const { state } = ctx;
  const migration = { enrollmentId: state.enrollmentId, journeyVersion: request.toVersion };
  // Batched: recorded by the flush before continue-as-new, with the rest of the task's writes.
  if (ctx.bookkeeping) await ctx.bookkeeping.add({ kind: 'migration', ...migration });
  else await ctx.activities.recordMigration(migration);
  if (ctx.input.useSearchAttributes !== false)
    upsertSearchAttributes([{ key: JOURNEY_VERSION_ATTRIBUTE, value: request.toVersion }]);
  const previous = state.cursor;
  state.cursor = {
    nodeId: request.toNodeId,
    visitSeq: state.nextVisitSeq,
    enteredAt: Date.now(),
    anchoredAt: previous.anchoredAt ?? previous.enteredAt,
    eventSeqAtEntry: previous.eventSeqAtEntry,
    from: { nodeId: previous.nodeId, visitSeq: previous.visitSeq, port: 'migrated' },
    isRecorded: false,
  };
  state.nextVisitSeq += 1;
  return { ...ctx.input, journeyVersion: request.toVersion, definition: request.definition, state };
}
