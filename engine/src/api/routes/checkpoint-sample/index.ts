import type { Database } from '@touchpoint/db';
import { getCheckpointSampleQuery } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHECKPOINT_SOURCES } from '@touchpoint/language';
import { CheckpointSampleResult } from '@touchpoint/language/api-contract';
import { invalidFieldError } from '../../api-error';

const CheckpointSampleQuery = z.strictObject({
  source: z.enum(CHECKPOINT_SOURCES).describe('what the checkpoint is read from, as in the step'),
  attribute: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('with `attribute`: the client date attribute (`contractEndsAt`, `birthday`, …)'),
});

/**
 * `GET /v1/checkpoint-sample`: one real client's checkpoint date, so a wait or ladder form can show
 * what "3 days before the checkpoint" means for somebody. Client data, so `clients:read`.
 */
export const checkpointSampleRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/checkpoint-sample',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags: ['clients'],
        summary: 'Sample a checkpoint',
        description:
          'A real client whose checkpoint (expected next purchase, or a date attribute) is known, with that ' +
          'date; one still ahead is preferred. `sample` is null when no client has one yet.',
        querystring: CheckpointSampleQuery,
        response: { 200: CheckpointSampleResult },
      },
    },
    async (request) => {
      const { source, attribute } = request.query;
      if (source === 'attribute' && attribute === undefined) {
        throw invalidFieldError('querystring.attribute', 'required when source is attribute');
      }
      const ref =
        source === 'attribute'
          ? { source, attribute: attribute ?? '' }
          : { source: 'expectedNextPurchase' as const };
      const sample = await getCheckpointSampleQuery(db, ref, new Date());
      return { sample: sample && { ...sample, checkpointAt: sample.checkpointAt.toISOString() } };
    },
  );
};
