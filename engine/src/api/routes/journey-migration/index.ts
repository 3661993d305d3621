import type { Client } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { MigrationVersionNotFoundError } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NodeMap } from '@touchpoint/language';
import { MigrationReportAnswer } from '@touchpoint/language/api-contract';
import { migrateEnrollments } from '../../../temporal/migrate-enrollments';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { loadJourney } from '../journeys/load-journey';
import { PositiveInt4 } from '../../input-bounds';

/** Dependencies of the migration route; without `temporal` it answers 503. */
export interface JourneyMigrationRoutesOptions {
  db: Database;
  temporal?: Client | undefined;
}

export const MigrateJourneyBody = z
  .strictObject({
    fromVersion: PositiveInt4.describe('the published version clients are on now'),
    toVersion: PositiveInt4.describe('the published version they move to'),
    /** Node of `fromVersion` -> node of `toVersion`; clients on unmapped nodes stay where they are. */
    nodeMap: NodeMap.describe('node of fromVersion → node of toVersion; clients on unmapped nodes stay'),
    /** Counts who would move and moves nobody; only `dryRun: false` migrates. */
    dryRun: z.boolean().default(true).describe('true (default): count who would move and move nobody'),
  })
  .refine((body) => body.fromVersion !== body.toVersion, {
    path: ['toVersion'],
    message: 'must differ from fromVersion',
  })
  .describe('what to migrate');

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
        summary: 'Move waiting clients to another version',
        description:
          'Moves clients waiting on nodes of one published version onto nodes of another. A dry run ' +
          '(the default) answers the plan and its problems; a real run with problems is a 422 and moves nobody.',
        params: z.object({ id: z.uuid().describe("the journey's id") }),
        body: MigrateJourneyBody,
        response: { 200: MigrationReportAnswer, ...routeErrors(422) },
      },
    },
    async (request) => {
      const journey = await loadJourney(options.db, request.params.id);
      if (options.temporal === undefined) {
        throw new ApiError('unavailable', 'no Temporal connection: cannot migrate now');
      }
      const { fromVersion, toVersion, nodeMap, dryRun } = request.body;
      const report = await migrateEnrollments({
        client: options.temporal,
        db: options.db,
        journeyId: journey.id,
        fromVersion,
        toVersion,
        nodeMap,
        dryRun,
      }).catch((error: unknown) => {
        if (!(error instanceof MigrationVersionNotFoundError)) throw error;
        // The domain looks for fromVersion first, so a body naming two missing versions hears of that one.
        const field = error.version === fromVersion ? 'fromVersion' : 'toVersion';
        throw new ApiError(
          'not_found',
          `body.${field}: the journey has no published version ${error.version}`,
        );
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
