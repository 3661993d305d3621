import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { declareErrorResponses } from './error-responses';
import { registerPublicPlugin } from './route-scopes';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * zod's transform, plus: a 204 answers no body, so its entry declares no content (a `null` JSON
 * schema would promise an `application/json` body that never comes).
 */
function transformRoute(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const transformed = jsonSchemaTransform(input);
  const response = transformed.schema['response'] as Record<string, unknown> | undefined;
  if (response?.['204'] !== undefined) response['204'] = { description: 'done; no body', type: 'null' };
  return transformed;
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
  });
  await registerPublicPlugin(app, swaggerUi, { routePrefix: '/docs' });
}
