import { and, eq, sql } from 'drizzle-orm';
import { decideHoldout, holdoutDraw } from '@touchpoint/language';
import type { Executor } from '@touchpoint/db';
import { holdoutAssignments, holdoutStrata } from '@touchpoint/db';

/** A client's group in one experiment. */
export interface ExperimentAssignment {
  isHoldout: boolean;
  stratum: string;
}

/**
 * Assigns a client in an experiment, or returns the assignment made the first time. A new client's
 * stratum counter row is locked (`for update`) before the decision, so entries of one stratum decide
 * one after another on counts that include each other (the streaming rule, `decideHoldout`); the
 * client's own hash breaks the tie at the boundary. Runs inside the caller's transaction: the counter,
 * the assignment and the enrollment commit together or not at all.
 */
export async function assignToExperiment(
  tx: Executor,
  input: { experimentKey: string; clientId: string; share: number; stratum: () => Promise<string> },
): Promise<ExperimentAssignment> {
  const existing = await findAssignment(tx, input.experimentKey, input.clientId);
  if (existing) return existing;
  const stratum = await input.stratum();
  await tx
    .insert(holdoutStrata)
    .values({ experimentKey: input.experimentKey, stratum })
    .onConflictDoNothing();
  const [counter] = await tx
    .select({ assigned: holdoutStrata.assigned, heldOut: holdoutStrata.heldOut })
    .from(holdoutStrata)
    .where(and(eq(holdoutStrata.experimentKey, input.experimentKey), eq(holdoutStrata.stratum, stratum)))
    .for('update');
  if (!counter) throw new Error(`holdout stratum ${input.experimentKey} / ${stratum} vanished`);
  // Another entry of the same client may have assigned it while this one waited for the lock.
  const raced = await findAssignment(tx, input.experimentKey, input.clientId);
  if (raced) return raced;
  const isHoldout = decideHoldout({
    share: input.share,
    assigned: counter.assigned,
    heldOut: counter.heldOut,
    draw: holdoutDraw(input.experimentKey, input.clientId),
  });
  await tx
    .insert(holdoutAssignments)
    .values({ experimentKey: input.experimentKey, clientId: input.clientId, stratum, isHoldout });
  await tx
    .update(holdoutStrata)
    .set({
      assigned: sql`${holdoutStrata.assigned} + 1`,
      heldOut: sql`${holdoutStrata.heldOut} + ${isHoldout ? 1 : 0}`,
      updatedAt: new Date(),
    })
    .where(and(eq(holdoutStrata.experimentKey, input.experimentKey), eq(holdoutStrata.stratum, stratum)));
  return { isHoldout, stratum };
}

async function findAssignment(
  tx: Executor,
  experimentKey: string,
  clientId: string,
): Promise<ExperimentAssignment | null> {
  const [row] = await tx
    .select({ isHoldout: holdoutAssignments.isHoldout, stratum: holdoutAssignments.stratum })
    .from(holdoutAssignments)
    .where(
      and(eq(holdoutAssignments.experimentKey, experimentKey), eq(holdoutAssignments.clientId, clientId)),
    );
  return row ?? null;
}
