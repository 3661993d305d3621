import type { Database, TemplateRow } from '@touchpoint/db';
import type { TemplateUser } from '@touchpoint/domain';
import { ChannelKind } from '@touchpoint/db';
import {
  createTemplate,
  deleteTemplate,
  findTemplateById,
  isTemplateKeyTaken,
  listTemplates,
  replaceTemplate,
  TemplateInUseError,
} from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { requireScope } from '../../plugins/auth';
import { CatalogParams, foundOr404 } from '../catalog-helpers';
import { checkTemplateRenders, previewTemplate } from './render-preview';
import { toTemplateColumns } from './template-columns';
import { PreviewBody, PreviewResponse, TemplateBody, TemplateResponse } from './template-body';

const errors = routeErrors(409);
const read = { scope: 'catalog:read' } as const;
const write = { scope: 'catalog:write' } as const;

/** A key the channel already has is a 409 naming the field (checked before the index would refuse it). */
async function assertKeyFree(db: Database, body: TemplateBody, exceptId: string | null) {
  if (await isTemplateKeyTaken(db, body.key, body.channel, exceptId)) {
    throw new ApiError('conflict', `body.key: a ${body.channel} template "${body.key}" already exists`);
  }
}

/** "used by" in words an API caller reads: each journey, where it sends the template, and the steps. */
function describeUsers(users: TemplateUser[]): string {
  const each = users.map((user) => {
    const where = [
      user.publishedVersion === null ? null : `version ${user.publishedVersion}`,
      user.isInDraft ? 'draft' : null,
    ].filter((part) => part !== null);
    return `"${user.name}" (${where.join(' and ')}: ${user.steps.join(', ')})`;
  });
  return `the template is sent by ${users.length === 1 ? 'a journey' : `${users.length} journeys`}: ${each.join('; ')}`;
}

async function prepare(db: Database, body: TemplateBody, exceptId: string | null) {
  await assertKeyFree(db, body, exceptId);
  const columns = toTemplateColumns(body);
  const now = new Date();
  await checkTemplateRenders({ id: exceptId ?? '', createdAt: now, updatedAt: now, ...columns });
  return columns;
}

/**
 * Content templates per channel: CRUD (validated per channel and by a trial render) and preview
 * (`catalog:read`, plus `clients:read` to preview with a stored client).
 */
export const templateRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const load = async (id: string): Promise<TemplateRow> =>
    foundOr404(await findTemplateById(db, id), 'template', id);
  app.post(
    '/v1/templates',
    {
      config: write,
      schema: {
        tags: ['templates'],
        summary: 'Create a template',
        description:
          'Stores a template after checking it per channel and by a trial render (Liquid has no file ' +
          'access: `include`, `render` and `layout` are refused); a key the channel has is a 409.',
        body: TemplateBody,
        response: { 201: TemplateResponse, ...errors },
      },
    },
    async (request, reply) => {
      const columns = await prepare(db, request.body, null);
      return reply.code(201).send(await createTemplate(db, columns));
    },
  );
  app.get(
    '/v1/templates',
    {
      config: read,
      schema: {
        tags: ['templates'],
        summary: 'List templates',
        description: 'Every template, by key and channel, or only those of one channel.',
        querystring: z.strictObject({ channel: ChannelKind.optional().describe('only this channel') }),
        response: {
          200: z
            .object({ items: z.array(TemplateResponse).describe('the templates, by key and channel') })
            .describe('the templates'),
        },
      },
    },
    async (request) => ({ items: await listTemplates(db, request.query.channel) }),
  );
  app.get(
    '/v1/templates/:id',
    {
      config: read,
      schema: {
        tags: ['templates'],
        summary: 'Read a template',
        description: 'One template.',
        params: CatalogParams,
        response: { 200: TemplateResponse },
      },
    },
    async (request) => load(request.params.id),
  );
  app.put(
    '/v1/templates/:id',
    {
      config: write,
      schema: {
        tags: ['templates'],
        summary: 'Replace a template',
        description: 'Replaces the template after the same checks as create; sends from then on use it.',
        params: CatalogParams,
        body: TemplateBody,
        response: { 200: TemplateResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await load(id);
      const columns = await prepare(db, request.body, id);
      return foundOr404(await replaceTemplate(db, id, columns), 'template', id);
    },
  );
  app.delete(
    '/v1/templates/:id',
    {
      config: write,
      schema: {
        tags: ['templates'],
        summary: 'Delete a template',
        description:
          'Removes the template. 409 while a journey not archived sends it in its draft or current ' +
          'version (the message names them; `GET /v1/templates/{id}/uses` lists them with their steps).',
        params: CatalogParams,
        response: { 204: z.null().describe('deleted'), ...errors },
      },
    },
    async (request, reply) => {
      try {
        await deleteTemplate(db, await load(request.params.id));
      } catch (error) {
        if (error instanceof TemplateInUseError)
          throw new ApiError('conflict', `params.id: ${describeUsers(error.users)}`);
        throw error;
      }
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/v1/templates/:id/preview',
    {
      config: read,
      schema: {
        tags: ['templates'],
        summary: 'Preview a template',
        description:
          'Renders the template as a send would, with a stored or inline client and offer, or built-in ' +
          'samples. A stored client takes clients:read too (403 without).',
        params: CatalogParams,
        body: PreviewBody.nullish(),
        response: { 200: PreviewResponse.describe('the rendered message, per channel') },
      },
    },
    async (request) => {
      // A stored client's email, phone and attributes are client data, whatever route shows them.
      if (request.body?.clientId !== undefined)
        requireScope(request, 'clients:read', 'body.clientId previews with a stored client');
      return previewTemplate(db, await load(request.params.id), request.body ?? {});
    },
  );
};
