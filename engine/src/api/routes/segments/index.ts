import { Readable } from 'node:stream';
import {
  countSegmentExport,
  countSegmentHistory,
  createSegment,
  deleteSegment,
  estimateSegment,
  exportSegmentCsv,
  getSegment,
  listSegmentMembers,
  listSegments,
  updateSegment,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { routeErrors } from '../../plugins/error-responses';
import {
  CountsResponse,
  EstimateBody,
  EstimateResponse,
  MembersQuery,
  MembersResponse,
  SegmentInput,
  SegmentListResponse,
  SegmentParams,
  SegmentResponse,
  SegmentUpdate,
} from './segment-schemas';
import { answeringSegmentErrors } from './segment-errors';

const tags = ['segments'];

/**
 * Saved segments and the built-in ones (RFM cells, lifecycle stages, `overdue`): definitions are
 * catalog (`catalog:read` / `catalog:write`, as journeys name them); anything that shows clients —
 * estimate samples, members, the export — takes `clients:read`.
 */
export const segmentRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/segments',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'Every segment',
        description:
          'The saved segments and the built-in ones (RFM cells, lifecycle stages, overdue), each with its ' +
          'member count as of the last recompute or purchase.',
        response: { 200: SegmentListResponse },
      },
    },
    async () => ({ items: await listSegments(db) }),
  );
  app.post(
    '/v1/segments',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Save a rule segment',
        description:
          'Saves a segment defined by a rule; its members arrive with the next recompute (an estimate ' +
          'shows them at once). 400 names a rule that reads itself or an unknown segment; 409: the key is taken.',
        body: SegmentInput,
        response: { 201: SegmentResponse, ...routeErrors(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await answeringSegmentErrors(() => createSegment(db, request.body))),
  );
  app.post(
    '/v1/segments/estimate',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags,
        summary: 'How many clients a rule matches now, and a sample of them (while editing)',
        description:
          'Runs the rule over every client as one query, saving nothing. 400 names a segment the rule ' +
          'reads that does not exist.',
        body: EstimateBody,
        response: { 200: EstimateResponse },
      },
    },
    async (request) => estimateSegment(db, request.body.rule, new Date(), request.body.sampleSize),
  );
  app.get(
    '/v1/segments/:id',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'One segment',
        description: 'The segment with its rule (saved segments) and its member count.',
        params: SegmentParams,
        response: { 200: SegmentResponse },
      },
    },
    async (request) => answeringSegmentErrors(() => getSegment(db, request.params.id)),
  );
  app.put(
    '/v1/segments/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Rename a rule segment or change its rule',
        description:
          'The key stays (journeys name it); members follow the new rule from the next recompute. 409: ' +
          'the segment is built in (change the segmentation settings instead).',
        params: SegmentParams,
        body: SegmentUpdate,
        response: { 200: SegmentResponse, ...routeErrors(409) },
      },
    },
    async (request) => answeringSegmentErrors(() => updateSegment(db, request.params.id, request.body)),
  );
  app.delete(
    '/v1/segments/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        summary: 'Delete a rule segment',
        description:
          'Deletes the segment with its memberships and daily counts, with no segment.left events (it is ' +
          'gone). 409: the segment is built in.',
        params: SegmentParams,
        response: { 204: z.null().describe('deleted'), ...routeErrors(409) },
      },
    },
    async (request, reply) => {
      await answeringSegmentErrors(() => deleteSegment(db, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/v1/segments/:id/members',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags,
        summary: 'A segment’s current members, a page at a time',
        description: 'Members as of the last recompute or purchase, by client id, with when each entered.',
        params: SegmentParams,
        querystring: MembersQuery,
        response: { 200: MembersResponse },
      },
    },
    async (request) => {
      await answeringSegmentErrors(() => getSegment(db, request.params.id));
      const { limit, cursor } = request.query;
      return listSegmentMembers(db, request.params.id, { limit, cursor: cursor ?? null });
    },
  );
  app.get(
    '/v1/segments/:id/counts',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags,
        summary: 'Members at the end of each day’s recompute',
        description: 'The member count the daily recompute recorded for the segment, oldest day first.',
        params: SegmentParams,
        response: { 200: CountsResponse },
      },
    },
    async (request) => {
      await answeringSegmentErrors(() => getSegment(db, request.params.id));
      return { items: await countSegmentHistory(db, request.params.id) };
    },
  );
  app.get(
    '/v1/segments/:id/export.csv',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags,
        summary: 'Members as a retargeting audience: ids, SHA-256 of normalized emails and phones',
        description:
          'Streams the current members as CSV (client_id,email_sha256,phone_sha256) for an ad platform’s ' +
          'custom audience; the x-total-rows header gives the row count up front.',
        params: SegmentParams,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV: client_id,email_sha256,phone_sha256') },
      },
    },
    async (request, reply) => {
      const segment = await answeringSegmentErrors(() => getSegment(db, request.params.id));
      // The row count up front lets a client draw a progress bar as the stream arrives.
      const rows = await countSegmentExport(db, segment.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${segment.key}.csv"`)
        .header('x-total-rows', String(rows))
        .send(Readable.from(exportSegmentCsv(db, segment.id)));
    },
  );
};
