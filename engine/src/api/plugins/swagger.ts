import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { declareErrorResponses } from './error-responses';
import { registerPublicPlugin } from './route-scopes';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type TransformObjectInput = Parameters<typeof jsonSchemaTransformObject>[0];
type JsonResponse = { description?: string; type?: string; headers?: Record<string, unknown> };

/**
 * zod's transform, plus: a 204 or a redirect answers no body, so its entry declares no content (a
 * `null` JSON schema would promise an `application/json` body that never comes); a redirect declares
 * its `location` header instead.
 */
function transformRoute(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const transformed = jsonSchemaTransform(input);
  const response = transformed.schema['response'] as Record<string, JsonResponse> | undefined;
  for (const [status, entry] of Object.entries(response ?? {})) {
    if (status === '204')
      response![status] = { description: entry.description ?? 'done; no body', type: 'null' };
    if (/^30\d$/.test(status)) {
      const location = { type: 'string', description: 'where the redirect leads' };
      response![status] = {
        description: entry.description ?? 'a redirect',
        type: 'null',
        headers: { location },
      };
    }
  }
  return transformed;
}

/**
 * zod's components (every schema registered with an `id`, such as `ApiError`), less those no operation
 * uses: each registered schema yields an input and an output variant, and most are only ever one.
 */
function transformDocument(input: TransformObjectInput): ReturnType<typeof jsonSchemaTransformObject> {
  const document = jsonSchemaTransformObject(input);
  const { components } = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas ?? {};
  const refsIn = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
  const used = new Set(refsIn({ ...document, components: undefined }));
  // A Set visits what is added while it is iterated: components used only by other components stay.
  for (const id of used) for (const inner of refsIn(schemas[id] ?? null)) used.add(inner);
  for (const id of Object.keys(schemas)) if (!used.has(id)) delete schemas[id];
  return document;
}

/**
 * OpenAPI 3 generated from the same zod schemas the routes validate with; UI at `/docs` (public). Every route
 * also declares the error statuses the framework can answer with (`declareErrorResponses`).
 */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  declareErrorResponses(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Touchpoint API',
        version: '1',
        description:
          'Journeys, clients, events and catalogs. Every error answers `{ code, message, requestId }` ' +
          '(plus `issues` per field for 400 and `problems` per node for 422).',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: transformRoute,
    transformObject: transformDocument,
  });
  await registerPublicPlugin(app, swaggerUi, { routePrefix: '/docs' });
}
