import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  enrollments,
  journeyTotals,
  journeyTotalsStripe,
  messages,
  nodeVisits,
  transitions,
} from '@touchpoint/db';
import { assignEnrollmentGroup } from '@touchpoint/db';
import type { Executor } from '@touchpoint/db';
import type {
  BeginEnrollmentInput,
  RecordBookkeepingInput,
  FinishEnrollmentInput,
  RecordMigrationInput,
  RecordNodeVisitInput,
} from './journey-activity-contract';

/** The exit reason of a client who reached the goal (the interpreter's `checkGoal`). */
const GOAL_EXIT_REASON = 'converted';

/**
 * Creates the enrollment row of a workflow run chain, or returns it on retry. A re-entry after exit
 * reuses the Temporal workflow id, which the row's unique `workflow_id` would reject: the finished
 * earlier row is renamed `<workflowId>#<its id>` first, keeping its visits and transitions intact.
 */
export async function beginEnrollment(
  db: Executor,
  input: BeginEnrollmentInput & { enrollmentId?: string },
): Promise<{ enrollmentId: string }> {
  return db.transaction(async (tx) => {
    const tally = new TotalsTally();
    const begun = await beginEnrollmentIn(tx, input, tally);
    await tally.apply(tx);
    return begun;
  });
}

/** {@link beginEnrollment} inside the caller's transaction (a bookkeeping batch), counted in `tally`. */
async function beginEnrollmentIn(
  tx: Executor,
  input: BeginEnrollmentInput & { enrollmentId?: string },
  tally: TotalsTally,
): Promise<{ enrollmentId: string }> {
  const enteredAt = new Date(input.enteredAt);
  const [existing] = await tx
    .select()
    .from(enrollments)
    .where(eq(enrollments.workflowId, input.workflowId))
    .for('update');
  if (existing && existing.enteredAt.getTime() === enteredAt.getTime()) return { enrollmentId: existing.id };
  if (existing) {
    await tx
      .update(enrollments)
      .set({ workflowId: `${existing.workflowId}#${existing.id}`, updatedAt: new Date() })
      .where(eq(enrollments.id, existing.id));
  }
  const [row] = await tx
    .insert(enrollments)
    .values({
      // Assigned in the same transaction, before the row exists, so no send can see it without its group.
      ...(await assignEnrollmentGroup(tx, input)),
      // A batched run draws its id itself (see BookkeepingWrite); older runs let the database pick.
      ...(input.enrollmentId ? { id: input.enrollmentId } : {}),
      journeyId: input.journeyId,
      journeyVersion: input.journeyVersion,
      clientId: input.clientId,
      enrollmentKey: input.enrollmentKey,
      workflowId: input.workflowId,
      source: input.source,
      enteredAt,
    })
    .returning({ id: enrollments.id });
  if (!row) throw new Error(`Could not insert the enrollment of ${input.workflowId}`);
  tally.add(input.journeyId, row.id, { enrolled: 1, active: 1 });
  return { enrollmentId: row.id };
}

/**
 * Records the arrival at a node and the edge taken to get there, closing the previous visit with the
 * port it left by. Unique keys on (enrollment, visit seq) make a retried or replayed call a no-op.
 */
export async function recordNodeVisit(db: Executor, input: RecordNodeVisitInput): Promise<void> {
  const at = new Date(input.at);
  const base = {
    enrollmentId: input.enrollmentId,
    journeyId: input.journeyId,
    journeyVersion: input.journeyVersion,
  };
  await db
    .insert(nodeVisits)
    .values({ ...base, nodeId: input.nodeId, visitSeq: input.visitSeq, enteredAt: at })
    .onConflictDoNothing();
  if (!input.from) return;
  await db
    .update(nodeVisits)
    .set({ leftAt: at, outcome: input.from.port, skipReason: input.from.skipReason ?? null })
    .where(
      and(eq(nodeVisits.enrollmentId, input.enrollmentId), eq(nodeVisits.visitSeq, input.from.visitSeq)),
    );
  await db
    .insert(transitions)
    .values({
      ...base,
      fromNodeId: input.from.nodeId,
      fromVisitSeq: input.from.visitSeq,
      port: input.from.port,
      toNodeId: input.nodeId,
      at,
    })
    .onConflictDoNothing();
}

/**
 * Marks the enrollment finished and closes its last visit; a repeat leaves the first outcome in place.
 * A failed run's visit is closed with outcome `failed` (the stats count failures per node by it; the
 * reason is on the enrollment) and its messages are settled: see {@link settleMessagesOfFailedRun}.
 */
export async function finishEnrollment(db: Executor, input: FinishEnrollmentInput): Promise<void> {
  await db.transaction(async (tx) => {
    const tally = new TotalsTally();
    await finishEnrollmentIn(tx, input, tally);
    await tally.apply(tx);
  });
}

/** {@link finishEnrollment} inside the caller's transaction (a bookkeeping batch), counted in `tally`. */
async function finishEnrollmentIn(
  db: Executor,
  input: FinishEnrollmentInput,
  tally: TotalsTally,
): Promise<void> {
  const at = new Date(input.at);
  // Locked, so the totals move from the status this row really had to the new one exactly once.
  const [previous] = await db
    .select({ journeyId: enrollments.journeyId, status: enrollments.status, reason: enrollments.exitReason })
    .from(enrollments)
    .where(eq(enrollments.id, input.enrollmentId))
    .for('update');
  if (previous && previous.status !== input.status) {
    await db
      .update(enrollments)
      .set({ status: input.status, exitReason: input.reason, exitedAt: at, updatedAt: new Date() })
      .where(and(eq(enrollments.id, input.enrollmentId), ne(enrollments.status, input.status)));
    tally.add(previous.journeyId, input.enrollmentId, statusChangeDeltas(previous, input));
  }
  if (input.status === 'failed') await settleMessagesOfFailedRun(db, input.enrollmentId, input.reason, at);
  if (input.lastVisitSeq === null) return;
  await db
    .update(nodeVisits)
    .set({ leftAt: at, outcome: input.status === 'failed' ? 'failed' : input.reason })
    .where(and(eq(nodeVisits.enrollmentId, input.enrollmentId), eq(nodeVisits.visitSeq, input.lastVisitSeq)));
}

/**
 * A run that failed for good sends nothing more, so a message it left `queued` or `sending` would
 * wait forever. Those become `failed`, the run's reason in their timeline. `sending` is safe to
 * settle here: a send whose provider answer was lost is retried without limit (it never fails the
 * run), so a row still `sending` at a failure was never accepted by a provider (e.g. no adapter).
 */
async function settleMessagesOfFailedRun(
  db: Executor,
  enrollmentId: string,
  reason: string,
  at: Date,
): Promise<void> {
  const entry = { status: 'failed', at: at.toISOString(), detail: `the journey run failed: ${reason}` };
  await db
    .update(messages)
    .set({
      status: 'failed',
      statusTimeline: sql`${messages.statusTimeline} || ${JSON.stringify([entry])}::jsonb`,
      updatedAt: at,
    })
    .where(and(eq(messages.enrollmentId, enrollmentId), inArray(messages.status, ['queued', 'sending'])));
}

/**
 * Moves the enrollment onto another version of its journey (a migration): later visits and the
 * router's event filter follow the new version. Setting a value is naturally idempotent.
 */
export async function recordMigration(db: Executor, input: RecordMigrationInput): Promise<void> {
  await db
    .update(enrollments)
    .set({ journeyVersion: input.journeyVersion, updatedAt: new Date() })
    .where(eq(enrollments.id, input.enrollmentId));
}

/**
 * Applies one workflow task's bookkeeping writes in order, in one transaction: either the whole task's
 * record lands or none of it (a retried flush repeats them all, and each write is idempotent).
 */
export async function recordBookkeeping(db: Executor, input: RecordBookkeepingInput): Promise<void> {
  await db.transaction(async (tx) => {
    const tally = new TotalsTally();
    for (const write of input.writes) {
      switch (write.kind) {
        case 'begin':
          await beginEnrollmentIn(tx, write, tally);
          break;
        case 'visit':
          await recordNodeVisit(tx, write);
          break;
        case 'finish':
          await finishEnrollmentIn(tx, write, tally);
          break;
        case 'migration':
          await recordMigration(tx, write);
          break;
        default: {
          const unhandled: never = write;
          throw new Error(`Unknown bookkeeping write ${JSON.stringify(unhandled)}`);
        }
      }
    }
    await tally.apply(tx);
  });
}

type TotalsDeltas = Partial<
  Record<'enrolled' | 'active' | 'completed' | 'converted' | 'exited' | 'failed', number>
>;

/** The `journey_totals` counters an enrollment in `status` (with exit `reason`) counts in. */
function bucketsOf(status: string, reason: string | null): (keyof TotalsDeltas)[] {
  if (status === 'completed') return reason === GOAL_EXIT_REASON ? ['completed', 'converted'] : ['completed'];
  if (status === 'active' || status === 'exited' || status === 'failed') return [status];
  return [];
}

function statusChangeDeltas(
  previous: { status: string; reason: string | null },
  next: { status: string; reason: string },
): TotalsDeltas {
  const deltas: TotalsDeltas = {};
  for (const bucket of bucketsOf(previous.status, previous.reason))
    deltas[bucket] = (deltas[bucket] ?? 0) - 1;
  for (const bucket of bucketsOf(next.status, next.reason)) deltas[bucket] = (deltas[bucket] ?? 0) + 1;
  return deltas;
}

/**
 * The `journey_totals` changes of one transaction, applied once at its end: the totals rows are the
 * only rows concurrent bookkeeping of one journey shares, so their locks are taken last and held only
 * until the commit, and an enrollment begun and finished in one batch costs one upsert.
 */
class TotalsTally {
  private readonly rows = new Map<string, { journeyId: string; stripe: number; deltas: TotalsDeltas }>();

  add(journeyId: string, enrollmentId: string, deltas: TotalsDeltas): void {
    const stripe = journeyTotalsStripe(enrollmentId);
    const key = `${journeyId}/${stripe}`;
    const row = this.rows.get(key) ?? { journeyId, stripe, deltas: {} };
    for (const [bucket, delta] of Object.entries(deltas) as [keyof TotalsDeltas, number][])
      row.deltas[bucket] = (row.deltas[bucket] ?? 0) + delta;
    this.rows.set(key, row);
  }

  /** Upserts each touched row, in key order so concurrent transactions lock them in the same order. */
  async apply(db: Executor): Promise<void> {
    for (const key of [...this.rows.keys()].sort()) {
      const { journeyId, stripe, deltas } = this.rows.get(key)!;
      const entries = Object.entries(deltas).filter(([, delta]) => delta !== 0) as [
        keyof TotalsDeltas,
        number,
      ][];
      if (entries.length === 0) continue;
      const set = Object.fromEntries(
        entries.map(([bucket, delta]) => [bucket, sql`${journeyTotals[bucket]} + ${delta}`]),
      );
      await db
        .insert(journeyTotals)
        .values({ journeyId, stripe, ...Object.fromEntries(entries) })
        .onConflictDoUpdate({
          target: [journeyTotals.journeyId, journeyTotals.stripe],
          set: { ...set, updatedAt: new Date() },
        });
    }
  }
}
