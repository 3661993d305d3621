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
} from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody } from '../../api-error';
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

const errors = { '4xx': ApiErrorBody };
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
      schema: { tags, response: { 200: SegmentListResponse, ...errors } },
    },
    async () => ({ items: await listSegments(db) }),
  );
  app.post(
    '/v1/segments',
    {
      config: { scope: 'catalog:write' },
      schema: { tags, body: SegmentInput, response: { 201: SegmentResponse, ...errors } },
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
        body: EstimateBody,
        response: { 200: EstimateResponse, ...errors },
      },
    },
    async (request) => estimateSegment(db, request.body.rule, new Date(), request.body.sampleSize),
  );
  app.get(
    '/v1/segments/:id',
    {
      config: { scope: 'catalog:read' },
      schema: { tags, params: SegmentParams, response: { 200: SegmentResponse, ...errors } },
    },
    async (request) => answeringSegmentErrors(() => getSegment(db, request.params.id)),
  );
  app.put(
    '/v1/segments/:id',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags,
        params: SegmentParams,
        body: SegmentUpdate,
        response: { 200: SegmentResponse, ...errors },
      },
    },
    async (request) => answeringSegmentErrors(() => updateSegment(db, request.params.id, request.body)),
  );
  app.delete(
    '/v1/segments/:id',
    {
      config: { scope: 'catalog:write' },
      schema: { tags, params: SegmentParams, response: { 204: z.null(), ...errors } },
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
        params: SegmentParams,
        querystring: MembersQuery,
        response: { 200: MembersResponse, ...errors },
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
        params: SegmentParams,
        response: { 200: CountsResponse, ...errors },
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
        params: SegmentParams,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV: client_id,email_sha256,phone_sha256'), ...errors },
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
