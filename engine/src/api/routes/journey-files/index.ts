import type { Database } from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../plugins/auth';
import { routeErrors } from '../../plugins/error-responses';
import { JourneyParams, JourneyResponse } from '../journeys';
import { exportJourneyFile } from './export-journey-file';
import { importJourneyFile } from './import-journey-file';
import { JourneyFile } from './journey-file';

const ImportResult = z
  .object({
    journey: JourneyResponse,
    createdTemplates: z.array(z.string()).describe('templates the import added, as `key (channel)`'),
    reusedTemplates: z
      .array(z.string())
      .describe('templates this install already had with the same content, as `key (channel)`'),
  })
  .describe('the new draft and what happened to its templates');

/**
 * Journeys as files (`npm run journey -- export|import`, the builder's export and import): the draft
 * with its templates out, a new draft with its templates in.
 */
export const journeyFileRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/journeys/:id/export',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['journeys'],
        summary: 'Export a journey',
        description:
          'The draft (definition and layout) and every template it sends, as one JSON file that ' +
          '`POST /v1/journeys/import` takes back, here or on another install.',
        params: JourneyParams,
        response: { 200: JourneyFile },
      },
    },
    async (request) => exportJourneyFile(db, request.params.id),
  );
  app.post(
    '/v1/journeys/import',
    {
      config: { scope: 'journeys:write' },
      schema: {
        tags: ['journeys'],
        summary: 'Import a journey',
        description:
          'Creates a new draft from a journey file, with the templates it needs, all or nothing. A ' +
          'template already here under the same key and channel is reused when identical, and a 409 ' +
          'naming it when it differs. A file with templates needs `catalog:write` too (403).',
        body: JourneyFile,
        response: { 201: ImportResult, ...routeErrors(409) },
      },
    },
    async (request, reply) => {
      if (request.body.templates.length > 0) {
        requireScope(request, 'catalog:write', 'body.templates: a file with templates may add them');
      }
      return reply.code(201).send(await importJourneyFile(db, request.body));
    },
  );
};
