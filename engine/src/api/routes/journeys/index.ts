import type { Executor, JourneyRow } from '@touchpoint/db';
import { and, desc, eq, journeys, journeyVersions, sql } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelKind } from '@touchpoint/language';
import { MAX_SUMMARY_LENGTH, ProblemIssueBody } from '@touchpoint/language/api-contract';
import {
  checkJourneySize,
  findJourneyWarnings,
  haveSameBehaviour,
  JourneyStatus,
} from '@touchpoint/language';
import { checkJourney } from '../../../journeys/check-journey';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { JourneyListTotals, listJourneys, ListJourneysQuery } from './list-journeys';
import { loadJourney } from './load-journey';
import { syncScheduleOf, type ScheduleDeps } from './sync-schedule';

export const JourneyParams = z.object({ id: z.uuid().describe("the journey's id") });
const Problem = z
  .object({
    nodeId: z.string().nullable().describe('the node it is on; null for the whole journey'),
    code: z.string().describe('the problem code of the journey language (`unreachableNode`, …)'),
    message: z.string().describe('what is wrong, in English'),
    severity: z.enum(['error', 'warning']).optional().describe('errors refuse publishing, warnings do not'),
    issues: z
      .array(ProblemIssueBody)
      .optional()
      .describe('with `invalidConfig` / `invalidDefinition`: each field that broke a rule'),
  })
  .describe('one problem of the definition');

/** A draft as written by the builder; the definition is checked with `validate`, not on save. */
export const JourneyDraftBody = z.strictObject({
  name: z.string().min(1).max(200).describe("the journey's name (1–200 characters)"),
  description: z.string().max(2000).optional().describe('what the journey is for'),
  definition: z
    .record(z.string(), z.unknown())
    .describe(
      'the journey definition (nodes, edges, goal, settings, layout); checked by validate and publish',
    ),
});

export const JourneyResponse = z
  .object({
    id: z.string().describe("the journey's id"),
    name: z.string().describe("the journey's name"),
    description: z.string().nullable().describe('what the journey is for; null when not given'),
    status: JourneyStatus.describe('draft until first published; active, paused or archived after'),
    draft: z.record(z.string(), z.unknown()).describe('the definition being edited (the next version)'),
    currentVersion: z.number().nullable().describe('the version new clients enter; null before publishing'),
    createdAt: z.date().describe('when the journey was created'),
    updatedAt: z.date().describe('when it last changed'),
  })
  .describe('a journey: its draft and its state');

/**
 * What a publish may carry. The whole body is optional: clients that publish with no body (or `{}`) keep
 * working and the version simply has no summary.
 */
export const PublishBody = z
  .strictObject({
    /** The publisher's "what changed and why", shown in the version history. */
    summary: z
      .string()
      .max(MAX_SUMMARY_LENGTH)
      .optional()
      .describe('what changed and why, for the version history'),
  })
  // Fastify hands a request without a body to the schema as null.
  .nullish()
  .describe('optional: the change summary');

export const JourneyVersionResponse = z
  .object({
    journeyId: z.string().describe("the journey's id"),
    number: z.number().int().describe('the version number, from 1'),
    definition: z.record(z.string(), z.unknown()).describe('the definition as published; never changes'),
    /** The change summary given at publish; null when none (or only whitespace) was given. */
    summary: z.string().nullable().describe('the change summary given at publish; null when none was'),
    createdAt: z.date().describe('when it was published'),
  })
  .describe('a published, immutable version');

const PublishedVersionResponse = JourneyVersionResponse.extend({
  unchanged: z
    .boolean()
    .describe('true when the draft runs exactly as the current version, so no new version was made'),
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
  app.post(
    '/v1/journeys',
    {
      config: auth('journeys:write'),
      schema: {
        tags: ['journeys'],
        summary: 'Create a journey',
        description: 'Saves a new draft; its definition is checked when validated or published, not here.',
        body: JourneyDraftBody,
        response: { 201: JourneyResponse },
      },
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
        summary: 'List journeys',
        description: 'The journeys, most recently changed first, a page at a time.',
        querystring: ListJourneysQuery,
        response: {
          200: z
            .object({
              items: z
                .array(
                  JourneyResponse.extend({
                    totals: JourneyListTotals.describe(
                      'enrollments of all versions, from a maintained rollup',
                    ),
                  }),
                )
                .describe('the page'),
              nextCursor: z
                .string()
                .nullable()
                .describe('pass as `cursor` for the next page; null on the last'),
            })
            .describe('one page of journeys'),
        },
      },
    },
    async (request) => listJourneys(db, request.query),
  );
  app.get(
    '/v1/journeys/:id',
    {
      config: auth('journeys:read'),
      schema: {
        tags: ['journeys'],
        summary: 'Read a journey',
        description: 'The journey with its draft, status and current version.',
        params: JourneyParams,
        response: { 200: JourneyResponse },
      },
    },
    async (request) => loadJourney(db, request.params.id),
  );
  app.put(
    '/v1/journeys/:id',
    {
      config: auth('journeys:write'),
      schema: {
        tags: ['journeys'],
        summary: 'Save a draft',
        description:
          'Replaces the name, description and draft definition. Published versions and the clients in ' +
          'them are untouched; an archived journey cannot be edited (409).',
        params: JourneyParams,
        body: JourneyDraftBody,
        response: { 200: JourneyResponse, ...routeErrors(409) },
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
        summary: 'Validate the draft',
        description:
          "Checks the draft as publishing would (graph, nodes, templates, offers, the deployment's " +
          'channels) without publishing it.',
        params: JourneyParams,
        // Problems refuse publishing; warnings (a goal no enrollment can reach) do not.
        response: {
          200: z
            .object({
              problems: z
                .array(Problem)
                .describe('what refuses publishing; empty when the draft may be published'),
              warnings: z.array(Problem).describe('what is suspicious but allowed'),
            })
            .describe("the draft's problems and warnings"),
        },
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
        summary: 'Publish the draft',
        description:
          'Freezes the draft as the next numbered version, which new clients enter, all or nothing: an ' +
          'invalid draft is a 422 listing its problems, and nothing changes. A draft that would run exactly ' +
          'as the current version (positions aside) makes no new version: the answer is 200 with that ' +
          'version and `unchanged: true`, and nothing changes.',
        params: JourneyParams,
        body: PublishBody,
        response: {
          201: PublishedVersionResponse.describe('the new version'),
          200: PublishedVersionResponse.describe('the current version, which the draft does not differ from'),
          ...routeErrors(409, 422),
        },
      },
    },
    async (request, reply) => {
      const version = await publishJourney(
        options,
        request.params.id,
        request.body?.summary,
        options.channels,
      );
      return reply.code(version.unchanged ? 200 : 201).send(version);
    },
  );
  app.get(
    '/v1/journeys/:id/versions',
    {
      config: auth('journeys:read'),
      schema: {
        tags: ['journeys'],
        summary: 'List published versions',
        description: "The journey's published versions, newest first.",
        params: JourneyParams,
        response: {
          200: z
            .object({ items: z.array(JourneyVersionResponse).describe('the versions, newest first') })
            .describe('every published version'),
        },
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
  const [latest] = await deps.db
    .select()
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.number))
    .limit(1);
  // A version identical to the live one would only add a row clients cannot tell apart. A publish of
  // another draft racing this one still meets the unique (journey, number) index, as before.
  if (
    latest &&
    latest.number === journey.currentVersion &&
    haveSameBehaviour(latest.definition, journey.draft)
  ) {
    return { ...latest, unchanged: true };
  }
  let scheduleTouched = false;
  try {
    return await deps.db.transaction(async (tx) => {
      const version = await insertNextVersion(tx, journeyId, journey.draft, summary);
      scheduleTouched = true;
      await syncScheduleOf({ ...deps, db: tx }, journeyId);
      return { ...version, unchanged: false };
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
