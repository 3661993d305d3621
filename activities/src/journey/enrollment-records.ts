import { and, eq, ne } from 'drizzle-orm';
import { enrollments, nodeVisits, transitions } from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type {
  BeginEnrollmentInput,
  FinishEnrollmentInput,
  RecordMigrationInput,
  RecordNodeVisitInput,
} from './journey-activity-contract';

/**
 * Creates the enrollment row of a workflow run chain, or returns it on retry. A re-entry after exit
 * reuses the Temporal workflow id, which the row's unique `workflow_id` would reject: the finished
 * earlier row is renamed `<workflowId>#<its id>` first, keeping its visits and transitions intact.
 */
export async function beginEnrollment(
  db: Database,
  input: BeginEnrollmentInput,
): Promise<{ enrollmentId: string }> {
  const enteredAt = new Date(input.enteredAt);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(enrollments)
      .where(eq(enrollments.workflowId, input.workflowId))
      .for('update');
    if (existing && existing.enteredAt.getTime() === enteredAt.getTime())
      return { enrollmentId: existing.id };
    if (existing) {
      await tx
        .update(enrollments)
        .set({ workflowId: `${existing.workflowId}#${existing.id}`, updatedAt: new Date() })
        .where(eq(enrollments.id, existing.id));
    }
    const [row] = await tx
      .insert(enrollments)
      .values({
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
    return { enrollmentId: row.id };
  });
}

/**
 * Records the arrival at a node and the edge taken to get there, closing the previous visit with the
 * port it left by. Unique keys on (enrollment, visit seq) make a retried or replayed call a no-op.
 */
export async function recordNodeVisit(db: Database, input: RecordNodeVisitInput): Promise<void> {
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

/** Marks the enrollment finished and closes its last visit; a repeat leaves the first outcome in place. */
export async function finishEnrollment(db: Database, input: FinishEnrollmentInput): Promise<void> {
  const at = new Date(input.at);
  await db
    .update(enrollments)
    .set({ status: input.status, exitReason: input.reason, exitedAt: at, updatedAt: new Date() })
    .where(and(eq(enrollments.id, input.enrollmentId), ne(enrollments.status, input.status)));
  if (input.lastVisitSeq === null) return;
  await db
    .update(nodeVisits)
    .set({ leftAt: at, outcome: input.reason })
    .where(and(eq(nodeVisits.enrollmentId, input.enrollmentId), eq(nodeVisits.visitSeq, input.lastVisitSeq)));
}

/**
 * Moves the enrollment onto another version of its journey (a migration): later visits and the
 * router's event filter follow the new version. Setting a value is naturally idempotent.
 */
export async function recordMigration(db: Database, input: RecordMigrationInput): Promise<void> {
  await db
    .update(enrollments)
    .set({ journeyVersion: input.journeyVersion, updatedAt: new Date() })
    .where(eq(enrollments.id, input.enrollmentId));
}
