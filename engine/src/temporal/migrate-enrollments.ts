import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { and, enrollments, eq, isNull, journeyVersions, nodeVisits } from '@touchpoint/db';
import { NodeMap, planMigration } from '@touchpoint/language';
import type { MigrationPlan } from '@touchpoint/language';
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

/** Thrown when a version to migrate from or to does not exist. */
export class MigrationVersionNotFoundError extends Error {
  constructor(journeyId: string, version: number) {
    super(`Journey ${journeyId} has no published version ${version}`);
    this.name = 'MigrationVersionNotFoundError';
  }
}

async function loadDefinition(db: Database, journeyId: string, version: number): Promise<unknown> {
  const [row] = await db
    .select({ definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.number, version)));
  if (!row) throw new MigrationVersionNotFoundError(journeyId, version);
  return row.definition;
}

/** Active enrollments of a version with the node they are on now (their open visit). */
async function loadCurrentNodes(db: Database, journeyId: string, version: number) {
  return db
    .select({ workflowId: enrollments.workflowId, nodeId: nodeVisits.nodeId })
    .from(enrollments)
    .innerJoin(nodeVisits, eq(nodeVisits.enrollmentId, enrollments.id))
    .where(
      and(
        eq(enrollments.journeyId, journeyId),
        eq(enrollments.journeyVersion, version),
        eq(enrollments.status, 'active'),
        eq(nodeVisits.journeyVersion, version),
        isNull(nodeVisits.leftAt),
      ),
    );
}

/**
 * Moves clients waiting on mapped nodes of `fromVersion` onto nodes of `toVersion`: counts them per
 * node from the bookkeeping tables, plans with `planMigration`, and unless it is a dry run or the
 * plan has problems, signals each enrollment. A workflow moves only if it is still on the node it
 * was counted on (it may have moved on since), so `signalled` can exceed the clients that moved.
 */
export async function migrateEnrollments(input: MigrateEnrollmentsInput): Promise<MigrationReport> {
  const nodeMap = NodeMap.parse(input.nodeMap);
  const [fromDefinition, toDefinition] = await Promise.all([
    loadDefinition(input.db, input.journeyId, input.fromVersion),
    loadDefinition(input.db, input.journeyId, input.toVersion),
  ]);
  const current = await loadCurrentNodes(input.db, input.journeyId, input.fromVersion);
  const waiting: Record<string, number> = {};
  for (const { nodeId } of current) waiting[nodeId] = (waiting[nodeId] ?? 0) + 1;
  const plan = planMigration(fromDefinition, toDefinition, nodeMap, waiting);
  if (input.dryRun || plan.problems.length > 0) return { ...plan, dryRun: input.dryRun, signalled: 0 };

  let signalled = 0;
  for (const { workflowId, nodeId } of current) {
    const toNodeId = nodeMap[nodeId];
    if (toNodeId === undefined) continue;
    const request = {
      fromVersion: input.fromVersion,
      toVersion: input.toVersion,
      fromNodeId: nodeId,
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
