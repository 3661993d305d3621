import type { ChannelKind } from '@touchpoint/language';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { ENROLLMENT_JOB_STATUSES, EnrollmentJobFailure } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { ENROLL_OUTCOMES, enrollOne, loadPublishedVersion } from './enroll-clients';
import { mapWithLimit } from '../../../temporal';
import type { EnrollDeps } from './enroll-clients';
import { createEnrollmentJob, resolveClientIds, type EnrollmentJobProgress } from '@touchpoint/domain';
import { loadEnrollmentJob } from './enrollment-job';
import { createEnrollmentJobRunner } from './enrollment-job-runner';
import type { EnrollmentJobRunnerOptions } from './enrollment-job-runner';
import { CsvColumnError, CsvError, parseClientCsv } from './parse-client-csv';
import { ClientExternalId } from '../../input-bounds';

/** Dependencies of the enrollment routes; without `temporal` they answer 503. */
export interface EnrollmentRoutesOptions {
  db: Database;
  temporal?: Client | undefined;
  /** Task queue of the journey workflows. */
  taskQueue: string;
  /** Per-channel activity queues for sends (each with its own rate limit); the journey queue when absent. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** Largest manual batch or CSV upload, in clients. */
  maxClients?: number;
  /** How CSV jobs run: how often orphaned jobs are looked for, jobs at once, rows per chunk. */
  jobs?: Pick<EnrollmentJobRunnerOptions, 'intervalMs' | 'maxJobs' | 'chunkSize'>;
}

const JourneyParams = z.object({ id: z.uuid().describe("the journey's id") });

export const ManualEnrollmentBody = z.strictObject({
  /** External (CRM) client ids. */
  clientIds: z.array(ClientExternalId).min(1).describe('CRM ids of the clients to enroll (at most 1000)'),
  /** Names this request's runs in journeys allowing concurrent enrollments; a retry with it enrolls no one twice. */
  enrollmentKey: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("names this request's runs; a retry with the same key enrolls no one twice"),
});

export const ManualEnrollmentResponse = z
  .object({
    journeyVersion: z.number().int().describe('the version the clients entered'),
    enrolled: z.number().int().describe('clients enrolled by this request'),
    items: z
      .array(
        z
          .object({
            clientId: z.string().describe("the client's id in your CRM"),
            outcome: z.enum(ENROLL_OUTCOMES).describe('what happened to them'),
            workflowId: z.string().nullable().describe('their run; null for an unknown client'),
          })
          .describe('the outcome for one client'),
      )
      .describe('one outcome per client, in request order'),
  })
  .describe('who entered the journey');

/** Progress of a CSV enrollment: `done` of `total` rows processed, `failed` of them with reasons. */
export const EnrollmentJobResponse = z
  .object({
    id: z.string().describe("the job's id"),
    journeyId: z.string().describe("the journey's id"),
    journeyVersion: z.number().int().describe('the version the clients enter'),
    status: z.enum(ENROLLMENT_JOB_STATUSES).describe('where the job is'),
    total: z.number().int().describe('client rows in the upload'),
    done: z.number().int().describe('rows processed so far'),
    enrolled: z.number().int().describe('of them, clients enrolled'),
    failed: z.number().int().describe('of them, rows that failed'),
    failures: z.array(EnrollmentJobFailure).describe('the failed rows with their reasons'),
    error: z.string().nullable().describe('why the whole job failed; null unless it did'),
    createdAt: z.date().describe('when the upload arrived'),
    finishedAt: z.date().nullable().describe('when the job finished; null while running'),
  })
  .describe('a CSV enrollment job and its progress');

function toJobResponse(job: EnrollmentJobProgress): z.infer<typeof EnrollmentJobResponse> {
  return job;
}

/** Manual and CSV enrollment into a journey's current published version, and CSV job progress. */
export const enrollmentRoutes: FastifyPluginAsyncZod<EnrollmentRoutesOptions> = async (app, options) => {
  const { db } = options;
  const maxClients = options.maxClients ?? 100_000;
  const errors = routeErrors(409);
  const requireTemporal = (): EnrollDeps => {
    if (options.temporal === undefined)
      throw new ApiError('unavailable', 'no Temporal connection: cannot enroll now');
    return {
      db,
      temporal: options.temporal,
      taskQueue: options.taskQueue,
      ...(options.sendTaskQueues ? { sendTaskQueues: options.sendTaskQueues } : {}),
    };
  };
  // CSV jobs run wherever their lease is free: uploads here at once, and jobs whose process died
  // (found when this app starts and every few seconds after) are resumed from where they stopped.
  const jobRunner = options.temporal
    ? createEnrollmentJobRunner({ deps: requireTemporal(), log: app.log, ...options.jobs })
    : null;
  app.addHook('onReady', async () => jobRunner?.start());
  app.addHook('onClose', async () => jobRunner?.stop());
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/journeys/:id/enrollments',
    {
      config: { scope: 'journeys:write' },
      schema: {
        tags: ['enrollments'],
        summary: 'Enroll clients',
        description:
          "Enrolls up to 1000 clients by CRM id into the journey's current version, as the re-entry rule " +
          'allows; a journey not active or not published is a 409.',
        params: JourneyParams,
        body: ManualEnrollmentBody,
        response: { 200: ManualEnrollmentResponse, ...errors },
      },
    },
    async (request) => {
      const { clientIds } = request.body;
      if (clientIds.length > Math.min(maxClients, 1000)) {
        throw new ApiError(
          'payload_too_large',
          'body.clientIds: at most 1000 clients per request (upload a CSV)',
        );
      }
      const target = await loadPublishedVersion(db, request.params.id);
      const deps = requireTemporal();
      const ids = await resolveClientIds(db, clientIds);
      const enrollmentKey = `manual:${request.body.enrollmentKey ?? randomUUID()}`;
      const items = await mapWithLimit(clientIds, 16, async (externalId) => {
        const clientId = ids.get(externalId);
        if (clientId === undefined)
          return { clientId: externalId, outcome: 'unknownClient' as const, workflowId: null };
        const result = await enrollOne(deps, target, clientId, { source: 'manual', enrollmentKey });
        return { clientId: externalId, ...result };
      });
      const enrolled = items.filter((item) => item.outcome === 'enrolled').length;
      return { journeyVersion: target.version, enrolled, items };
    },
  );

  app.post(
    '/v1/journeys/:id/enrollments/csv',
    {
      config: { scope: 'journeys:write' },
      schema: {
        tags: ['enrollments'],
        summary: 'Enroll clients from a CSV',
        description:
          'Starts a job that enrolls every client of the upload, in chunks, resumed by any API process ' +
          'if this one dies; poll `GET /v1/enrollment-jobs/{id}` (the `location` header) for progress. ' +
          '`column` names the header of the client id column when it is not one of the usual names.',
        params: JourneyParams,
        querystring: z.strictObject({
          column: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe(
              'the header of the column holding client ids (default: clientId, client_id, externalId, id…)',
            ),
        }),
        consumes: ['text/csv'],
        body: z.string().min(1).describe('CSV with a header row naming the client id column'),
        response: { 202: EnrollmentJobResponse, ...errors },
      },
    },
    async (request, reply) => {
      const rows = parseCsvBody(request.body, maxClients, request.query.column);
      const target = await loadPublishedVersion(db, request.params.id);
      requireTemporal();
      const job = await createEnrollmentJob(db, target, rows);
      // Runs in the background: the upload is acknowledged at once and the builder polls the job.
      jobRunner?.runNewJob(job.id);
      return reply.code(202).header('location', `/v1/enrollment-jobs/${job.id}`).send(toJobResponse(job));
    },
  );

  app.get(
    '/v1/enrollment-jobs/:id',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['enrollments'],
        summary: 'Read a CSV enrollment job',
        description: 'How far the job got: rows done, enrolled and failed, with the reasons.',
        params: z.object({ id: z.uuid().describe("the job's id") }),
        response: { 200: EnrollmentJobResponse },
      },
    },
    async (request) => toJobResponse(await loadEnrollmentJob(db, request.params.id)),
  );
};

function parseCsvBody(text: string, maxClients: number, column: string | undefined) {
  try {
    const rows = parseClientCsv(text, column);
    if (rows.length === 0) throw new CsvError(2, 'no client rows after the header');
    if (rows.length > maxClients) {
      throw new ApiError(
        'payload_too_large',
        `body: at most ${maxClients} clients per upload (got ${rows.length})`,
      );
    }
    return rows;
  } catch (error) {
    if (error instanceof CsvError) throw new ApiError('validation_failed', `body: ${error.message}`);
    if (error instanceof CsvColumnError)
      throw new ApiError('validation_failed', `querystring.column: ${error.message}`);
    throw error;
  }
}
