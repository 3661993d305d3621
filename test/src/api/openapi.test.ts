import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { API_ERROR_STATUS } from '@touchpoint/engine/api/api-error';
import { sandboxRoutes } from '@touchpoint/engine/api/routes/sandbox/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';
import { describeGapsOf, operationsOf, type OpenApiDocument } from './openapi-gaps';

describe('OpenAPI document', () => {
  let fixture: ApiFixture;
  let sandboxes: [SmtpSandbox, SmsSandbox];
  beforeAll(async () => {
    sandboxes = await Promise.all([startSmtpSandbox(), startSmsSandbox({ receipts: false })]);
    const [mailbox, smsInbox] = sandboxes;
    // The document as the fuzzer sees it: the demo's sandbox routes included.
    fixture = await createApiFixture({
      config: { adminKey: 'test-admin-key', trackingSecret: 'openapi-test-secret' },
      moreRoutes: async (more) => void (await more.register(sandboxRoutes, { mailbox, smsInbox })),
    });
  });
  afterAll(async () => {
    await fixture.close();
    await Promise.all(sandboxes.map((sandbox) => sandbox.stop()));
  });
  const loadDocument = async () => {
    const response = await fixture.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    return response.json<OpenApiDocument>();
  };

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
    expect(search.parameters.map((p) => p.name).sort()).toEqual([
      'cursor',
      'journeyId',
      'limit',
      'q',
      'segment',
      'segmentKey',
    ]);
  });

  it('describes every operation, parameter, response and field, request and response alike', async () => {
    const document = await loadDocument();
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    const gaps = operations.flatMap(({ name, operation }) =>
      describeGapsOf(document, operation).map((gap) => `${name}: ${gap}`),
    );
    expect(gaps).toEqual([]);
  });

  it('declares on every operation each error status it can answer, all as the one $ref-ed error schema', async () => {
    const document = await loadDocument();
    for (const { name, path, operation } of operationsOf(document)) {
      const statuses = Object.keys(operation.responses);
      const expected = ['400', '408', '431', '500', '503'];
      if (operation.security === undefined) expected.push('401', '403');
      if (path.includes('{')) expected.push('404', '414');
      if (!name.startsWith('GET')) expected.push('413', '415');
      expect(statuses, name).toEqual(expect.arrayContaining(expected));
      for (const status of statuses.filter((s) => !s.startsWith('2') && !s.startsWith('3'))) {
        // Explicit statuses only: a 4XX range would hide which ones a route really answers.
        expect(status, `${name} ${status}`).toMatch(/^[45]\d\d$/);
        // Errors are JSON even where success is a GIF or a page.
        expect(operation.responses[status]?.content, `${name} ${status}`).toEqual({
          'application/json': { schema: { $ref: '#/components/schemas/ApiError' } },
        });
      }
    }
    const apiError = document.components?.schemas?.['ApiError'] as {
      properties: { code: { enum: string[] } };
    };
    expect(apiError.properties.code.enum.sort()).toEqual(Object.keys(API_ERROR_STATUS).sort());
    const deleted = document.paths['/v1/offers/{id}']?.['delete']?.responses['204'];
    expect(deleted?.content).toBeUndefined();
  });

  it("declares the real media types of the pixel, the unsubscribe page and SMS.ru's answer, and the code answers them", async () => {
    const document = await loadDocument();
    const successTypes = (path: string, method: string, status = '200') =>
      Object.keys(document.paths[path]?.[method]?.responses[status]?.content ?? {});
    expect(successTypes('/t/o/{*}', 'get')).toEqual(['image/gif']);
    expect(successTypes('/t/u/{*}', 'get')).toEqual(['text/html']);
    expect(successTypes('/t/u/{*}', 'post')).toEqual(['text/html']);
    expect(successTypes('/v1/receipts/smsru/{secret}', 'post')).toEqual(['text/plain']);
    expect(document.paths['/t/c/{*}']?.['get']?.responses['302']?.content).toBeUndefined();
    // A bad token on the GIF and page routes is the JSON error the document promises, not a GIF or a page.
    for (const url of ['/t/o/not-a-token', '/t/u/not-a-token']) {
      const response = await fixture.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      expect(response.json<{ code: string }>().code, url).toBe('validation_failed');
    }
  });

  it('answers a missing sandbox mail or SMS in the one error format the document declares', async () => {
    for (const url of ['/v1/sandbox/mail/nope', '/v1/sandbox/sms/nope']) {
      const response = await fixture.app.inject({ method: 'GET', url, headers: ADMIN });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toEqual({
        code: 'not_found',
        message: expect.stringContaining('"nope"'),
        requestId: expect.any(String),
      });
    }
  });
});
