import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

describe('OpenAPI document', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture.close());

  it('describes the catalog, client search / timeline and journey diff / stats routes from their zod schemas', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ paths: Record<string, Record<string, unknown>> }>();
    const expected: [string, string][] = [
      ['/v1/products', 'post'],
      ['/v1/products/{id}', 'put'],
      ['/v1/offers', 'get'],
      ['/v1/offers/{id}', 'delete'],
      ['/v1/templates', 'post'],
      ['/v1/templates/{id}/preview', 'post'],
      ['/v1/clients', 'get'],
      ['/v1/clients/{id}/timeline', 'get'],
      ['/v1/journeys/{id}/versions/{a}/diff/{b}', 'get'],
      ['/v1/journeys/{id}/stats', 'get'],
      ['/v1/journeys/{id}/report', 'get'],
      ['/v1/funnel-taxonomy', 'put'],
    ];
    for (const [path, method] of expected)
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const search = document.paths['/v1/clients']?.['get'] as { parameters: { name: string }[] };
    expect(search.parameters.map((p) => p.name).sort()).toEqual(['cursor', 'limit', 'q', 'segment']);
  });

  it('declares on every operation each error status the framework can answer, in the one error format', async () => {
    const document = (await fixture.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, Response> }>>;
    }>();
    type Response = { description?: string; content?: Record<string, { schema: { properties?: object } }> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method} ${path}`, path, operation })),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const { name, path, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(statuses, name).toEqual(expect.arrayContaining(['400', '408', '431', '500']));
      if (path.includes('{')) expect(statuses, name).toEqual(expect.arrayContaining(['404', '414']));
      if (name.startsWith('post') || name.startsWith('put')) expect(statuses, name).toContain('413');
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        // Routes that answer a GIF or a page declare that type for every status (fastify-swagger's `produces`).
        const [content] = Object.values(operation.responses[status]?.content ?? {});
        const properties = content?.schema.properties ?? {};
        expect(Object.keys(properties), `${name} ${status}`).toEqual(
          expect.arrayContaining(['code', 'message', 'requestId']),
        );
        expect(operation.responses[status]?.description, `${name} ${status}`).toBeTruthy();
      }
    }
    const scoped = document.paths['/v1/events']?.['post']?.responses ?? {};
    expect(Object.keys(scoped)).toEqual(expect.arrayContaining(['401', '403']));
    const deleted = document.paths['/v1/offers/{id}']?.['delete']?.responses['204'];
    expect(deleted?.content).toBeUndefined();
  });
});
