import type { Database } from '@touchpoint/db';
import { AUDIENCE_RUN_STATUSES, listAudienceRuns } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { JourneyParams } from '../journeys/index';
import { loadJourney } from '../journeys/load-journey';

/** One run of a journey's schedule entry and how far it has got. */
export const AudienceRunResponse = z.object({
  id: z.string(),
  runKey: z.string().describe("the run's workflow id (schedule id + scheduled time)"),
  segment: z.string(),
  status: z.enum(AUDIENCE_RUN_STATUSES),
  members: z.number().int().describe('members gone through so far'),
  started: z.number().int(),
  alreadyRunning: z.number().int(),
  notStarted: z.number().int().describe('members the re-entry rule or the journey state kept out'),
  attempts: z.number().int().describe('above 1: resumed after a worker died or a fault'),
  createdAt: z.date(),
  updatedAt: z.date(),
  finishedAt: z.date().nullable(),
});

/** `GET /v1/journeys/:id/audience-runs`: the journey's latest schedule-entry runs, newest first. */
export const audienceRunRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/audience-runs',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['journeys'],
        description: "Progress of the journey's latest 20 schedule-entry runs (audiences enrolled in pages).",
        params: JourneyParams,
        response: {
          200: z.object({ items: z.array(AudienceRunResponse) }),
          '4xx': ApiErrorBody,
          '5xx': ApiErrorBody,
        },
      },
    },
    async (request) => {
      await loadJourney(db, request.params.id);
      return { items: await listAudienceRuns(db, request.params.id) };
    },
  );
};
