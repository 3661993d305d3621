import type { Client } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { and, eq, inArray, journeyVersions } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MIGRATION_PROBLEM_CODES, NodeMap } from '@touchpoint/language';
import { MigrationVersionNotFoundError, migrateEnrollments } from '../../../temporal/migrate-enrollments';
import { ApiError, ApiErrorBody } from '../../api-error';
import { loadJourney } from '../journeys/load-journey';
import { PositiveInt4 } from '../../input-bounds';

/** Dependencies of the migration route; without `temporal` it answers 503. */
export interface JourneyMigrationRoutesOptions {
  db: Database;
  temporal?: Client | undefined;
}

export const MigrateJourneyBody = z
  .strictObject({
    fromVersion: PositiveInt4,
    toVersion: PositiveInt4,
    /** Node of `fromVersion` -> node of `toVersion`; clients on unmapped nodes stay where they are. */
    nodeMap: NodeMap,
    /** Counts who would move and moves nobody; only `dryRun: false` migrates. */
    dryRun: z.boolean().default(true),
  })
  .refine((body) => body.fromVersion !== body.toVersion, {
    path: ['toVersion'],
    message: 'must differ from fromVersion',
  });

const problemCodes = Object.values(MIGRATION_PROBLEM_CODES) as [string, ...string[]];

/** The plan per node (who moves where, who stays), its problems, and how many runs were signalled. */
export const MigrationReportResponse = z.object({
  dryRun: z.boolean(),
  nodes: z.array(
    z.object({ fromNodeId: z.string(), toNodeId: z.string().nullable(), waiting: z.number().int() }),
  ),
  problems: z.array(
    z.object({ nodeId: z.string().nullable(), code: z.enum(problemCodes), message: z.string() }),
  ),
  moving: z.number().int(),
  staying: z.number().int(),
  signalled: z.number().int(),
});

async function requireVersions(
  db: Database,
  journeyId: string,
  wanted: Record<'fromVersion' | 'toVersion', number>,
) {
  const rows = await db
    .select({ number: journeyVersions.number })
    .from(journeyVersions)
    .where(
      and(eq(journeyVersions.journeyId, journeyId), inArray(journeyVersions.number, Object.values(wanted))),
    );
  const published = new Set(rows.map((row) => row.number));
  for (const [field, version] of Object.entries(wanted)) {
    if (!published.has(version)) {
      throw new ApiError('not_found', `body.${field}: the journey has no published version ${version}`);
    }
  }
}

/**
 * `POST /v1/journeys/:id/migrate`: moves clients waiting on old-version nodes onto new-version nodes
 * (the engine's `migrateEnrollments`). A dry run answers the plan with its problems; a real run with
 * problems is refused (422) before anyone moves.
 */
export const journeyMigrationRoutes: FastifyPluginAsyncZod<JourneyMigrationRoutesOptions> = async (
  app,
  options,
) => {
  app.post(
    '/v1/journeys/:id/migrate',
    {
      config: { scope: 'journeys:write' },
      schema: {
        tags: ['journeys'],
        params: z.object({ id: z.uuid() }),
        body: MigrateJourneyBody,
        response: { 200: MigrationReportResponse, '4xx': ApiErrorBody, '5xx': ApiErrorBody },
      },
    },
    async (request) => {
      const journey = await loadJourney(options.db, request.params.id);
      if (options.temporal === undefined) {
        throw new ApiError('unavailable', 'no Temporal connection: cannot migrate now');
      }
      const { fromVersion, toVersion, nodeMap, dryRun } = request.body;
      await requireVersions(options.db, journey.id, { fromVersion, toVersion });
      const report = await migrateEnrollments({
        client: options.temporal,
        db: options.db,
        journeyId: journey.id,
        fromVersion,
        toVersion,
        nodeMap,
        dryRun,
      }).catch((error: unknown) => {
        // A version checked above was deleted meanwhile (the journey with it).
        if (error instanceof MigrationVersionNotFoundError) throw new ApiError('not_found', error.message);
        throw error;
      });
      if (!dryRun && report.problems.length > 0) {
        throw new ApiError('invalid_journey', `the migration has ${report.problems.length} problem(s)`, {
          problems: report.problems,
        });
      }
      return report;
    },
  );
};
