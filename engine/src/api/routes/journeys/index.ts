import {
  checkJourney,
  createJourney,
  listJourneyVersions,
  publishJourney,
  PublishJourneyError,
  saveJourneyDraft,
} from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelKind } from '@touchpoint/language';
import { MAX_SUMMARY_LENGTH, ProblemIssueBody } from '@touchpoint/language/api-contract';
import { checkJourneySize, findJourneyWarnings, JourneyStatus } from '@touchpoint/language';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { JourneyListTotals, listJourneyPage, ListJourneysQuery } from './list-journeys';
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
      return reply.code(201).send(await createJourney(db, { ...rest, draft: definition }));
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
    async (request) => listJourneyPage(db, request.query),
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
      const saved = await saveJourneyDraft(db, current.id, { ...rest, draft: definition });
      return saved!;
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
      const version = await publishDraft(options, request.params.id, request.body?.summary);
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
      return { items: await listJourneyVersions(db, request.params.id) };
    },
  );
};

/** How the API answers each refused publish. */
const PUBLISH_REFUSALS = {
  journey_not_found: 'not_found',
  journey_archived: 'conflict',
  journey_invalid: 'invalid_journey',
} as const satisfies Record<PublishJourneyError['code'], ApiError['code']>;

/**
 * The domain's `publishJourney`, given the engine's Temporal call that keeps the journey's schedule in
 * step (inside the publish's transaction, then again if the commit fails); its refusals as API errors.
 */
async function publishDraft(deps: JourneyRoutesOptions, journeyId: string, summary: string | undefined) {
  try {
    return await publishJourney(deps.db, journeyId, {
      summary,
      channels: deps.channels,
      syncSchedule: (db) => syncScheduleOf({ ...deps, db }, journeyId),
    });
  } catch (error) {
    if (!(error instanceof PublishJourneyError)) throw error;
    const message = error.code === 'journey_not_found' ? `params.id: ${error.message}` : error.message;
    const details = error.code === 'journey_invalid' ? { problems: error.problems } : undefined;
    throw new ApiError(PUBLISH_REFUSALS[error.code], message, details);
  }
}
