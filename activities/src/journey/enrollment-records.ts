import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { enrollments, journeyTotals, messages, nodeVisits, transitions } from '@touchpoint/db';
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
  return db.transaction((tx) => beginEnrollmentIn(tx, input));
}

/** {@link beginEnrollment} inside the caller's transaction (a bookkeeping batch). */
async function beginEnrollmentIn(
  tx: Executor,
  input: BeginEnrollmentInput & { enrollmentId?: string },
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
  await addToJourneyTotals(tx, input.journeyId, { enrolled: 1, active: 1 });
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
  await db.transaction((tx) => finishEnrollmentIn(tx, input));
}

/** {@link finishEnrollment} inside the caller's transaction (a bookkeeping batch). */
async function finishEnrollmentIn(db: Executor, input: FinishEnrollmentInput): Promise<void> {
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
    await addToJourneyTotals(db, previous.journeyId, statusChangeDeltas(previous, input));
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
    for (const write of input.writes) {
      switch (write.kind) {
        case 'begin':
          await beginEnrollmentIn(tx, write);
          break;
        case 'visit':
          await recordNodeVisit(tx, write);
          break;
        case 'finish':
          await finishEnrollmentIn(tx, write);
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
 * Moves a journey's `journey_totals` counters, in the transaction that changed the enrollment, so the
 * journey list reads totals equal to a recount without counting enrollments.
 */
async function addToJourneyTotals(db: Executor, journeyId: string, deltas: TotalsDeltas): Promise<void> {
  const entries = Object.entries(deltas).filter(([, delta]) => delta !== 0) as [keyof TotalsDeltas, number][];
  if (entries.length === 0) return;
  const columns = Object.fromEntries(entries);
  const set = Object.fromEntries(entries.map(([key, delta]) => [key, sql`${journeyTotals[key]} + ${delta}`]));
  await db
    .insert(journeyTotals)
    .values({ journeyId, ...columns })
    .onConflictDoUpdate({ target: journeyTotals.journeyId, set: { ...set, updatedAt: new Date() } });
}
