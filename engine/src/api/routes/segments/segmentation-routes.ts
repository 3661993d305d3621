import {
  loadSegmentationSettings,
  recomputeSegments,
  RfmCutPointSet,
  saveSegmentationSettings,
  SegmentationSettings,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Instant } from '../../input-bounds';
import type { EventRouter } from '../../../router';
import { routeInBackground } from '../route-deps';

const tags = ['segments'];

export const SegmentationResponse = z
  .object({
    settings: SegmentationSettings.describe('the RFM cut rule and the lifecycle grid'),
    cutPoints: RfmCutPointSet.extend({
      asOf: z.string().describe('the moment that recompute classified as of'),
    })
      .nullable()
      .describe('the RFM cut points the last full recompute classified with (null: none yet)'),
  })
  .describe('the segmentation settings and the cut points in use');

const PutSegmentationBody = z.strictObject({
  settings: SegmentationSettings.describe('the new RFM cut rule and lifecycle grid'),
});

export const RecomputeBody = z
  .strictObject({
    asOf: Instant.optional().describe('classify as of this moment (default now)'),
  })
  .nullish();

export const RecomputeResponse = z
  .object({
    clients: z.number().int().describe('clients classified'),
    transitions: z.number().int().describe('segment.entered / segment.left events stored by this run'),
  })
  .describe('what the recompute did');

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
      schema: {
        tags,
        summary: 'The segmentation settings',
        description:
          'The RFM cut rule and the lifecycle grid (defaults until saved once), and the RFM cut points the ' +
          'last full recompute classified with.',
        response: { 200: SegmentationResponse },
      },
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
        description:
          'Replaces the settings; clients keep their cells and stages until the next recompute (daily, or ' +
          'POST /v1/segmentation/recompute) classifies them with the new ones.',
        body: PutSegmentationBody,
        response: { 200: SegmentationResponse },
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
      schema: {
        tags,
        summary: 'Recompute every segment now',
        description:
          'Classifies every client (RFM cells, lifecycle stages, overdue, saved segments) as the daily ' +
          'Schedule does, storing segment.entered / segment.left for each change and routing them to ' +
          'journeys; asOf backfills a past moment.',
        body: RecomputeBody,
        response: { 200: RecomputeResponse },
      },
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
