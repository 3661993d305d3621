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
    ];
    for (const [path, method] of expected)
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const search = document.paths['/v1/clients']?.['get'] as { parameters: { name: string }[] };
    expect(search.parameters.map((p) => p.name).sort()).toEqual(['cursor', 'limit', 'q', 'segment']);
  });
});
