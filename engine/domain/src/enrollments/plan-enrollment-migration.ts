import { enrollments, nodeVisits, type Executor } from '@touchpoint/db';
import { NodeMap, planMigration, type MigrationPlan } from '@touchpoint/language';
import { and, eq, isNull } from 'drizzle-orm';
import { findJourneyVersion } from '../journeys/find-journey-version';
import { MigrationVersionNotFoundError } from './migration-version-not-found-error';

/** Which clients of which version move where. */
export interface EnrollmentMigrationInput {
  journeyId: string;
  fromVersion: number;
  toVersion: number;
  /** Plan node id in `fromVersion` -> plan node id in `toVersion` (see `NodeMap`). */
  nodeMap: NodeMap;
}

/** One enrollment to ask to move: the run, the node it was counted on and the node it goes to. */
export interface EnrollmentMove {
  workflowId: string;
  fromNodeId: string;
  toNodeId: string;
}

/** The plan of a migration, and what carrying it out asks of each run. */
export interface EnrollmentMigration {
  plan: MigrationPlan;
  /** The definition of `toVersion` as stored, which each moved run continues on. */
  toDefinition: unknown;
  /** The enrollments on mapped nodes now, one move each; the plan's problems are not checked here. */
  moves: EnrollmentMove[];
}

/**
 * Counts the active enrollments of `fromVersion` per node they wait on (their open visit, from the
 * bookkeeping tables), plans the move with the language's `planMigration`, and lists the move each
 * enrollment on a mapped node would be asked for. Reads only: asking the runs is the engine's part.
 * A version that is not published throws {@link MigrationVersionNotFoundError} (`fromVersion` first).
 */
export async function planEnrollmentMigration(
  db: Executor,
  input: EnrollmentMigrationInput,
): Promise<EnrollmentMigration> {
  const nodeMap = NodeMap.parse(input.nodeMap);
  const [from, to] = await Promise.all([
    findJourneyVersion(db, input.journeyId, input.fromVersion),
    findJourneyVersion(db, input.journeyId, input.toVersion),
  ]);
  if (from === undefined) throw new MigrationVersionNotFoundError(input.journeyId, input.fromVersion);
  if (to === undefined) throw new MigrationVersionNotFoundError(input.journeyId, input.toVersion);
  const current = await listCurrentNodes(db, input.journeyId, input.fromVersion);
  const waiting: Record<string, number> = {};
  for (const { nodeId } of current) waiting[nodeId] = (waiting[nodeId] ?? 0) + 1;
  const plan = planMigration(from.definition, to.definition, nodeMap, waiting);
  const moves = current.flatMap(({ workflowId, nodeId }) => {
    const toNodeId = nodeMap[nodeId];
    return toNodeId === undefined ? [] : [{ workflowId, fromNodeId: nodeId, toNodeId }];
  });
  return { plan, toDefinition: to.definition, moves };
}

/** Active enrollments of a version with the node they are on now (their open visit). */
async function listCurrentNodes(db: Executor, journeyId: string, version: number) {
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
