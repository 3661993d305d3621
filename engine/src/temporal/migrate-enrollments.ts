import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { planEnrollmentMigration } from '@touchpoint/domain';
import type { MigrationPlan, NodeMap } from '@touchpoint/language';
import { migrateEnrollmentSignal } from '../workflows/signals';

/** Input of {@link migrateEnrollments}. */
export interface MigrateEnrollmentsInput {
  client: Client;
  db: Database;
  journeyId: string;
  fromVersion: number;
  toVersion: number;
  /** Plan node id in `fromVersion` -> plan node id in `toVersion` (see `NodeMap`). */
  nodeMap: NodeMap;
  /** Report counts per node and move nothing. */
  dryRun: boolean;
}

/** What a migration (or its dry run) found and did. */
export interface MigrationReport extends MigrationPlan {
  dryRun: boolean;
  /** Enrollments signalled to move (0 on a dry run or when there are problems). */
  signalled: number;
}

/**
 * Moves clients waiting on mapped nodes of `fromVersion` onto nodes of `toVersion`: the domain counts
 * them per node and plans (`planEnrollmentMigration`, which throws `MigrationVersionNotFoundError`
 * for a version not published), and unless it is a dry run or the plan has problems, each enrollment
 * is signalled here. A workflow moves only if it is still on the node it was counted on (it may have
 * moved on since), so `signalled` can exceed the clients that moved.
 */
export async function migrateEnrollments(input: MigrateEnrollmentsInput): Promise<MigrationReport> {
  const { plan, toDefinition, moves } = await planEnrollmentMigration(input.db, input);
  if (input.dryRun || plan.problems.length > 0) return { ...plan, dryRun: input.dryRun, signalled: 0 };

  let signalled = 0;
  for (const { workflowId, fromNodeId, toNodeId } of moves) {
    const request = {
      fromVersion: input.fromVersion,
      toVersion: input.toVersion,
      fromNodeId,
      toNodeId,
      definition: toDefinition,
    };
    try {
      await input.client.workflow.getHandle(workflowId).signal(migrateEnrollmentSignal, request);
      signalled += 1;
    } catch (error) {
      // The enrollment ended since it was counted: nothing to move.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  return { ...plan, dryRun: false, signalled };
}
