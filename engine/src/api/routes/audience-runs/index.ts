import type { Database } from '@touchpoint/db';
import { AUDIENCE_RUN_STATUSES } from '@touchpoint/db';
import { listAudienceRuns } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JourneyParams } from '../journeys';
import { loadJourney } from '../journeys/load-journey';

/** One run of a journey's schedule entry and how far it has got. */
export const AudienceRunResponse = z
  .object({
    id: z.string().describe("Touchpoint's id of the run"),
    runKey: z.string().describe("the run's workflow id (schedule id + scheduled time)"),
    segment: z.string().describe('the segment whose members the run enrolls'),
    status: z.enum(AUDIENCE_RUN_STATUSES).describe('running, completed, or failed for good'),
    members: z.number().int().describe('members gone through so far'),
    started: z.number().int().describe('members whose journey run this run started'),
    alreadyRunning: z.number().int().describe('members already inside (a resumed page found their run)'),
    notStarted: z.number().int().describe('members the re-entry rule or the journey state kept out'),
    attempts: z.number().int().describe('above 1: resumed after a worker died or a fault'),
    createdAt: z.date().describe('when the run began'),
    updatedAt: z.date().describe('when its last page was recorded'),
    finishedAt: z.date().nullable().describe('when it finished; null while running'),
  })
  .describe("one run of a journey's schedule entry and how far it has got");

/** `GET /v1/journeys/:id/audience-runs`: the journey's latest schedule-entry runs, newest first. */
export const audienceRunRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/audience-runs',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['journeys'],
        summary: "Progress of the journey's audience runs",
        description: "Progress of the journey's latest 20 schedule-entry runs (audiences enrolled in pages).",
        params: JourneyParams,
        response: {
          200: z
            .object({ items: z.array(AudienceRunResponse).describe('the runs, newest first') })
            .describe("the journey's latest audience runs"),
        },
      },
    },
    async (request) => {
      await loadJourney(db, request.params.id);
      return { items: await listAudienceRuns(db, request.params.id) };
    },
  );
};
