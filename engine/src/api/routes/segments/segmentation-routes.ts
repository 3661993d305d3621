import {
  loadSegmentationSettings,
  recomputeSegments,
  RfmCutPointSet,
  saveSegmentationSettings,
  SegmentationSettings,
} from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
import { Instant } from '../../input-bounds';
import type { EventRouter } from '../../../router';
import { routeInBackground } from '../route-deps';

const tags = ['segments'];

export const SegmentationResponse = z.object({
  settings: SegmentationSettings,
  cutPoints: RfmCutPointSet.extend({ asOf: z.string() })
    .nullable()
    .describe('the RFM cut points the last full recompute classified with'),
});

export const RecomputeBody = z
  .strictObject({
    asOf: Instant.optional().describe('classify as of this moment (default now)'),
  })
  .nullish();

export const RecomputeResponse = z.object({
  clients: z.number().int(),
  transitions: z.number().int().describe('segment.entered / segment.left events stored by this run'),
});

/**
 * The segmentation settings (RFM cut rule, the lifecycle grid) and a full recompute on demand. The
 * daily Temporal Schedule runs the same recompute; this route is for "now" and for backfills.
 */
export const segmentationRoutes: FastifyPluginAsyncZod<{ db: Database; router: EventRouter | null }> = async (
  app,
  { db, router },
) => {
  app.get(
    '/v1/segmentation',
    {
      config: { scope: 'catalog:read' },
      schema: { tags, response: { 200: SegmentationResponse, '4xx': ApiErrorBody } },
    },
    async () => loadSegmentationSettings(db),
  );
  app.put(
    '/v1/segmentation',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Save the RFM cut rule and the lifecycle grid (applied by the next recompute)',
        body: z.strictObject({ settings: SegmentationSettings }),
        response: { 200: SegmentationResponse, '4xx': ApiErrorBody },
      },
    },
    async (request) => {
      await saveSegmentationSettings(db, request.body.settings);
      return loadSegmentationSettings(db);
    },
  );
  app.post(
    '/v1/segmentation/recompute',
    {
      config: { scope: 'admin' },
      schema: { tags, body: RecomputeBody, response: { 200: RecomputeResponse, '4xx': ApiErrorBody } },
    },
    async (request) => {
      const asOf = request.body?.asOf ? new Date(request.body.asOf) : new Date();
      const report = await recomputeSegments(db, {
        asOf,
        onChunk: (_progress, eventIds) => routeInBackground(router, eventIds, request.log),
      });
      return { clients: report.clients, transitions: report.transitions };
    },
  );
};
