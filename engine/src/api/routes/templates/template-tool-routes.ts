import type { Database, TemplateRow } from '@touchpoint/db';
import { getTemplateUsersQuery } from '@touchpoint/domain';
import { findTemplateById } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireScope } from '../../plugins/auth';
import { routeErrors } from '../../plugins/error-responses';
import { CatalogParams, foundOr404 } from '../catalog-helpers';
import { previewDraftTemplate } from './render-preview';
import { sendTestMessage, type TestSendAdapters } from './send-test-message';
import {
  DraftPreviewBody,
  PreviewResponse,
  TemplateUserResponse,
  TestSendBody,
  TestSendResponse,
} from './template-body';

/** What the builder's template editor asks beside CRUD: a live preview, a test send, who uses it. */
export const templateToolRoutes: FastifyPluginAsyncZod<{ db: Database; adapters: TestSendAdapters }> = async (
  app,
  { db, adapters },
) => {
  const load = async (id: string): Promise<TemplateRow> =>
    foundOr404(await findTemplateById(db, id), 'template', id);
  // A stored client's email, phone and attributes are client data, whatever route shows them.
  const checkClientScope = (request: Parameters<typeof requireScope>[0], clientId: string | undefined) => {
    if (clientId !== undefined)
      requireScope(request, 'clients:read', 'body.clientId renders with a stored client');
  };

  app.post(
    '/v1/template-previews',
    {
      config: { scope: 'catalog:read' },
      schema: {
        tags: ['templates'],
        summary: 'Preview a template before saving it',
        description:
          'Renders a template as written so far (not stored) with the same checks and pipeline as a ' +
          'send; a Liquid or MJML error is a 400 naming the field. A stored client takes clients:read too.',
        body: DraftPreviewBody,
        response: { 200: PreviewResponse.describe('the rendered message, per channel') },
      },
    },
    async (request) => {
      checkClientScope(request, request.body.clientId);
      return previewDraftTemplate(db, request.body);
    },
  );

  app.post(
    '/v1/templates/:id/test-send',
    {
      config: { scope: 'catalog:write' },
      schema: {
        tags: ['templates'],
        summary: 'Send a test of a template',
        description:
          'Renders the stored template for a stored client (clients:read too), inline data or the sample, ' +
          'and sends it to `to` through the channel the journeys use, marked as a test (`[TEST]` and the ' +
          '`X-Touchpoint-Test` mail header). Nothing is recorded: it never counts in a report. Email and ' +
          'SMS only (409 otherwise); 503 when the channel is not configured.',
        params: CatalogParams,
        body: TestSendBody,
        response: { 200: TestSendResponse, ...routeErrors(409) },
      },
    },
    async (request) => {
      checkClientScope(request, request.body.clientId);
      return sendTestMessage(db, await load(request.params.id), request.body, adapters);
    },
  );

  app.get(
    '/v1/templates/:id/uses',
    {
      config: { scope: 'journeys:read' },
      schema: {
        tags: ['templates'],
        summary: 'Journeys that send a template',
        description:
          'The journeys not archived whose draft or current version has a step sending this template ' +
          '(by key or id, on its channel); while there are any, deleting it is a 409.',
        params: CatalogParams,
        response: {
          200: z
            .object({ items: z.array(TemplateUserResponse).describe('the journeys, by name') })
            .describe('who sends the template'),
        },
      },
    },
    async (request) => ({ items: await getTemplateUsersQuery(db, await load(request.params.id)) }),
  );
};
