import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { enrollments, messages, nodeVisits, transitions } from '@touchpoint/db';
import { assignEnrollmentGroup } from '../holdout/assign-enrollment-group';
import type { Executor } from '@touchpoint/db';
import type {
  BeginEnrollmentInput,
  BookkeepingWrite,
  RecordBookkeepingInput,
  FinishEnrollmentInput,
  RecordMigrationInput,
  RecordNodeVisitInput,
} from './bookkeeping-writes';

// Every bookkeeping write is one function over the caller's executor (`write…`), and both roads call
// the same ones: a batched run's `recordBookkeeping` applies a task's writes in one transaction, an
// older run's one-write activities (kept for histories recorded before the batching patch) each in a
// transaction of its own. The journey list's `journey_totals` follows the enrollments' statuses by
// database trigger (migration 0014), so no write here counts anything itself.

/**
 * Creates the enrollment row of a workflow run chain, or returns it on retry. A re-entry after exit
 * reuses the Temporal workflow id, which the row's unique `workflow_id` would reject: the finished
 * earlier row is renamed `<workflowId>#<its id>` first, keeping its visits and transitions intact.
 */
export async function beginEnrollment(
  db: Executor,
  input: BeginEnrollmentInput & { enrollmentId?: string },
): Promise<{ enrollmentId: string }> {
  return db.transaction((tx) => writeEnrollmentBegin(tx, input));
}

/**
 * The write of {@link beginEnrollment}, in the caller's transaction. The common case (a new run) is one
 * insert; only when the workflow id is taken (a retry, or a re-entry reusing the id) is the row read,
 * locked, and either returned or renamed.
 */
async function writeEnrollmentBegin(
  tx: Executor,
  input: BeginEnrollmentInput & { enrollmentId?: string },
): Promise<{ enrollmentId: string }> {
  const enteredAt = new Date(input.enteredAt);
  const insert = async () =>
    tx
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
      .onConflictDoNothing()
      .returning({ id: enrollments.id });
  const [inserted] = await insert();
  if (inserted) return { enrollmentId: inserted.id };
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
  const [row] = await insert();
  if (!row) throw new Error(`Could not insert the enrollment of ${input.workflowId}`);
  return { enrollmentId: row.id };
}

/**
 * Records the arrival at a node and the edge taken to get there, closing the previous visit with the
 * port it left by. Unique keys on (enrollment, visit seq) make a retried or replayed call a no-op.
 */
export async function recordNodeVisit(db: Executor, input: RecordNodeVisitInput): Promise<void> {
  await db.transaction((tx) => writeNodeVisits(tx, [input]));
}

/**
 * The write of {@link recordNodeVisit} for consecutive visits of a task at once: three statements
 * however many there are (arrivals, closes of the visits left, transitions) instead of three per
 * visit. Applying all arrivals before all closes ends in the same rows as one visit after another:
 * a close only names a visit that arrived earlier in the batch or before it.
 */
async function writeNodeVisits(db: Executor, visits: readonly RecordNodeVisitInput[]): Promise<void> {
  if (visits.length === 0) return;
  const base = (visit: RecordNodeVisitInput) => ({
    enrollmentId: visit.enrollmentId,
    journeyId: visit.journeyId,
    journeyVersion: visit.journeyVersion,
  });
  await db
    .insert(nodeVisits)
    .values(
      visits.map((visit) => ({
        ...base(visit),
        nodeId: visit.nodeId,
        visitSeq: visit.visitSeq,
        enteredAt: new Date(visit.at),
      })),
    )
    .onConflictDoNothing();
  const moves = visits.filter((visit) => visit.from !== null);
  if (moves.length === 0) return;
  const closes = moves.map(
    (visit) =>
      sql`(${visit.enrollmentId}::uuid, ${visit.from!.visitSeq}::integer, ${visit.at}::timestamptz, ${visit.from!.port}::text, ${visit.from!.skipReason ?? null}::text)`,
  );
  await db.execute(sql`
    UPDATE ${nodeVisits} SET left_at = closed.left_at, outcome = closed.outcome, skip_reason = closed.skip_reason
    FROM (VALUES ${sql.join(closes, sql`, `)}) AS closed (enrollment_id, visit_seq, left_at, outcome, skip_reason)
    WHERE ${nodeVisits.enrollmentId} = closed.enrollment_id AND ${nodeVisits.visitSeq} = closed.visit_seq`);
  await db
    .insert(transitions)
    .values(
      moves.map((visit) => ({
        ...base(visit),
        fromNodeId: visit.from!.nodeId,
        fromVisitSeq: visit.from!.visitSeq,
        port: visit.from!.port,
        toNodeId: visit.nodeId,
        at: new Date(visit.at),
      })),
    )
    .onConflictDoNothing();
}

/**
 * Marks the enrollment finished and closes its last visit; a repeat leaves the first outcome in place.
 * A failed run's visit is closed with outcome `failed` (the stats count failures per node by it; the
 * reason is on the enrollment) and its messages are settled: see {@link settleMessagesOfFailedRun}.
 */
export async function finishEnrollment(db: Executor, input: FinishEnrollmentInput): Promise<void> {
  await db.transaction((tx) => writeEnrollmentFinish(tx, input));
}

/** The write of {@link finishEnrollment}; the status changes at most once (a repeat matches no row). */
async function writeEnrollmentFinish(db: Executor, input: FinishEnrollmentInput): Promise<void> {
  const at = new Date(input.at);
  await db
    .update(enrollments)
    .set({ status: input.status, exitReason: input.reason, exitedAt: at, updatedAt: new Date() })
    .where(and(eq(enrollments.id, input.enrollmentId), ne(enrollments.status, input.status)));
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
  await writeMigration(db, input);
}

/** The write of {@link recordMigration}: one statement, so it needs no transaction of its own. */
async function writeMigration(db: Executor, input: RecordMigrationInput): Promise<void> {
  await db
    .update(enrollments)
    .set({ journeyVersion: input.journeyVersion, updatedAt: new Date() })
    .where(eq(enrollments.id, input.enrollmentId));
}

/**
 * Applies one workflow task's bookkeeping writes in order, in one transaction: either the whole task's
 * record lands or none of it (a retried flush repeats them all, and each write is idempotent). A run of
 * consecutive visits is written together.
 */
export async function recordBookkeeping(db: Executor, input: RecordBookkeepingInput): Promise<void> {
  await db.transaction(async (tx) => {
    let visits: RecordNodeVisitInput[] = [];
    for (const write of input.writes) {
      if (write.kind === 'visit') {
        visits.push(write);
        continue;
      }
      await writeNodeVisits(tx, visits);
      visits = [];
      await applyBookkeepingWrite(tx, write);
    }
    await writeNodeVisits(tx, visits);
  });
}

/** One write other than a visit (visits go by {@link writeNodeVisits}, several at once). */
async function applyBookkeepingWrite(
  tx: Executor,
  write: Exclude<BookkeepingWrite, { kind: 'visit' }>,
): Promise<void> {
  switch (write.kind) {
    case 'begin':
      await writeEnrollmentBegin(tx, write);
      return;
    case 'finish':
      return writeEnrollmentFinish(tx, write);
    case 'migration':
      return writeMigration(tx, write);
    default: {
      const unhandled: never = write;
      throw new Error(`Unknown bookkeeping write ${JSON.stringify(unhandled)}`);
    }
  }
}
