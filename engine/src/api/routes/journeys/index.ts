import type { Executor, JourneyRow } from '@touchpoint/db';
import { and, desc, eq, journeys, journeyVersions, sql } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelKind } from '../../../language';
import { checkJourneySize, findJourneyWarnings } from '../../../language';
import { checkJourney } from '../../../journeys/check-journey';
import { ApiError, ApiErrorBody } from '../../api-error';
import { JourneyListTotals, listJourneys, ListJourneysQuery } from './list-journeys';
import { loadJourney } from './load-journey';
import { syncScheduleOf, type ScheduleDeps } from './sync-schedule';

export const JourneyParams = z.object({ id: z.uuid() });
const Problem = z.object({
  nodeId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']).optional(),
});

/** A draft as written by the builder; the definition is checked with `validate`, not on save. */
export const JourneyDraftBody = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  definition: z.record(z.string(), z.unknown()),
});

export const JourneyResponse = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['draft', 'active', 'paused', 'archived']),
  draft: z.record(z.string(), z.unknown()),
  currentVersion: z.number().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/**
 * What a publish may carry. The whole body is optional: clients that publish with no body (or `{}`) keep
 * working and the version simply has no summary.
 */
export const PublishBody = z
  .strictObject({
    /** The publisher's "what changed and why", shown in the version history. */
    summary: z.string().max(2000).optional(),
  })
  // Fastify hands a request without a body to the schema as null.
  .nullish();

export const JourneyVersionResponse = z.object({
  journeyId: z.string(),
  number: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
  /** The change summary given at publish; null when none (or only whitespace) was given. */
  summary: z.string().nullable(),
  createdAt: z.date(),
});

/** A draft over the documented size limit is refused when saved (413), so none can reach publish. */
function assertJourneySize(definition: unknown): void {
  const tooLarge = checkJourneySize(definition);
  if (tooLarge !== null) throw new ApiError('payload_too_large', `body.definition: ${tooLarge.message}`);
}

const auth = (scope: 'journeys:read' | 'journeys:write') => ({ scope });

/** What the journey routes run on; without `channels`, sends are not checked against configured channels. */
export interface JourneyRoutesOptions extends ScheduleDeps {
  channels?: readonly ChannelKind[] | undefined;
}

/** Journeys: drafts CRUD, validate, publish (immutable numbered versions), pause / resume / archive. */
export const journeyRoutes: FastifyPluginAsyncZod<JourneyRoutesOptions> = async (app, options) => {
  const { db } = options;
  const errors = { '4xx': ApiErrorBody };
  app.post(
    '/v1/journeys',
    {
      config: auth('journeys:write'),
      schema: { tags: ['journeys'], body: JourneyDraftBody, response: { 201: JourneyResponse, ...errors } },
    },
    async (request, reply) => {
      const { definition, ...rest } = request.body;
      assertJourneySize(definition);
      const [row] = await db
        .insert(journeys)
        .values({ ...rest, draft: definition })
        .returning();
      return reply.code(201).send(row!);
    },
  );
  app.get(
    '/v1/journeys',
    {
      config: auth('journeys:read'),
      schema: {
        tags: ['journeys'],
        description: 'The journeys, most recently changed first, a page at a time.',
        querystring: ListJourneysQuery,
        response: {
          200: z.object({
            items: z.array(
              JourneyResponse.extend({
                totals: JourneyListTotals.describe('enrollments of all versions, from a maintained rollup'),
              }),
            ),
            nextCursor: z
              .string()
              .nullable()
              .describe('pass as `cursor` for the next page; null on the last'),
          }),
          ...errors,
        },
      },
    },
    async (request) => listJourneys(db, request.query),
  );
  app.get(
    '/v1/journeys/:id',
    {
      config: auth('journeys:read'),
      schema: { tags: ['journeys'], params: JourneyParams, response: { 200: JourneyResponse, ...errors } },
    },
    async (request) => loadJourney(db, request.params.id),
  );
  app.put(
    '/v1/journeys/:id',
    {
      config: auth('journeys:write'),
      schema: {
        tags: ['journeys'],
        params: JourneyParams,
        body: JourneyDraftBody,
        response: { 200: JourneyResponse, ...errors },
      },
    },
    async (request) => {
      const current = await loadJourney(db, request.params.id);
      if (current.status === 'archived')
        throw new ApiError('conflict', 'an archived journey cannot be edited');
      const { definition, ...rest } = request.body;
      assertJourneySize(definition);
      const [row] = await db
        .update(journeys)
        .set({ ...rest, draft: definition, updatedAt: new Date() })
        .where(eq(journeys.id, current.id))
        .returning();
      return row!;
    },
  );
  app.post(
    '/v1/journeys/:id/validate',
    {
      config: auth('journeys:read'),
      schema: {
        tags: ['journeys'],
        params: JourneyParams,
        // Problems refuse publishing; warnings (a goal no enrollment can reach) do not.
        response: { 200: z.object({ problems: z.array(Problem), warnings: z.array(Problem) }), ...errors },
      },
    },
    async (request) => {
      const journey = await loadJourney(db, request.params.id);
      return {
        problems: await checkJourney(db, journey.draft, options.channels),
        warnings: findJourneyWarnings(journey.draft),
      };
    },
  );
  app.post(
    '/v1/journeys/:id/publish',
    {
      config: auth('journeys:write'),
      schema: {
        tags: ['journeys'],
        params: JourneyParams,
        body: PublishBody,
        response: { 201: JourneyVersionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const version = await publishJourney(
        options,
        request.params.id,
        request.body?.summary,
        options.channels,
      );
      return reply.code(201).send(version);
    },
  );
  app.get(
    '/v1/journeys/:id/versions',
    {
      config: auth('journeys:read'),
      schema: {
        tags: ['journeys'],
        params: JourneyParams,
        response: { 200: z.object({ items: z.array(JourneyVersionResponse) }), ...errors },
      },
    },
    async (request) => {
      await loadJourney(db, request.params.id);
      const items = await db
        .select()
        .from(journeyVersions)
        .where(eq(journeyVersions.journeyId, request.params.id))
        .orderBy(desc(journeyVersions.number));
      return { items };
    },
  );
};

/**
 * Publishes the draft as the next version number, if it validates, all or nothing: the version row,
 * the journey's state and its Temporal Schedule change together. The schedule is brought in line
 * inside the database transaction (reading its uncommitted version), so a schedule Temporal refuses
 * rolls the publish back; if the commit itself fails after Temporal accepted, the schedule is put back
 * in step with what is stored (compensation). The unique (journey, number) index turns two concurrent
 * publishes into one success and one conflict.
 */
async function publishJourney(
  deps: ScheduleDeps,
  journeyId: string,
  summary: string | undefined,
  channels: readonly ChannelKind[] | undefined,
) {
  const journey = await loadJourney(deps.db, journeyId);
  if (journey.status === 'archived')
    throw new ApiError('conflict', 'an archived journey cannot be published');
  const problems = await checkJourney(deps.db, journey.draft, channels);
  if (problems.length > 0) {
    throw new ApiError('invalid_journey', `the draft has ${problems.length} problem(s)`, { problems });
  }
  let scheduleTouched = false;
  try {
    return await deps.db.transaction(async (tx) => {
      const version = await insertNextVersion(tx, journeyId, journey.draft, summary);
      scheduleTouched = true;
      await syncScheduleOf({ ...deps, db: tx }, journeyId);
      return version;
    });
  } catch (error) {
    if (scheduleTouched) await syncScheduleOf(deps, journeyId).catch(() => undefined);
    throw error;
  }
}

async function insertNextVersion(
  tx: Executor,
  journeyId: string,
  definition: JourneyRow['draft'],
  summary: string | undefined,
) {
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${journeyVersions.number}), 0)::int + 1` })
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId));
  const [version] = await tx
    .insert(journeyVersions)
    .values({ journeyId, number: next, definition, summary: summary?.trim() || null })
    .returning();
  await tx
    .update(journeys)
    .set({ currentVersion: next, status: 'active', updatedAt: new Date() })
    .where(and(eq(journeys.id, journeyId)));
  return version!;
}
