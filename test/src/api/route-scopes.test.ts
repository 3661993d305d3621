import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { API_SCOPES, openDatabase, type ApiScope, type OpenDatabase } from '@touchpoint/db';
import { createApiKey } from '@touchpoint/domain';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { assertRouteScopes, type RouteScope } from '@touchpoint/engine/api/plugins/route-scopes';
import { sandboxRoutes } from '@touchpoint/engine/api/routes/sandbox/index';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { ADMIN, ADMIN_KEY } from './api-fixture';

/**
 * What every route needs, declared once: a new route fails this test until it is listed here. Client
 * data (email, phone, attributes) takes `clients:read`; `calls:work` shows operators the contact of the
 * clients they are to call, which is narrower than reading every client. HEAD follows its GET.
 */
const SCOPE_TABLE: Record<string, ApiScope | null> = {
  'GET /docs': null,
  'GET /docs/': null,
  'GET /docs/static/index.html': null,
  'GET /docs/static/swagger-initializer.js': null,
  'GET /docs/json': null,
  'GET /docs/yaml': null,
  'GET /docs/static/*': null,
  // Probes carry no key; readiness names the failed check (why, to an ops:read key). Metrics: operators'.
  'GET /health/live': null,
  'GET /health/ready': null,
  'GET /metrics': 'ops:read',
  'POST /v1/events': 'events:write',
  'POST /v1/purchases': 'events:write',
  'PUT /v1/clients/:id': 'clients:write',
  'GET /v1/clients/:id': 'clients:read',
  'GET /v1/clients': 'clients:read',
  'GET /v1/clients/:id/timeline': 'clients:read',
  'POST /v1/journeys': 'journeys:write',
  'GET /v1/journeys': 'journeys:read',
  'GET /v1/journeys/:id': 'journeys:read',
  'PUT /v1/journeys/:id': 'journeys:write',
  'POST /v1/journeys/:id/validate': 'journeys:read',
  'POST /v1/journeys/:id/publish': 'journeys:write',
  'POST /v1/journeys/:id/pause': 'journeys:write',
  'POST /v1/journeys/:id/resume': 'journeys:write',
  'POST /v1/journeys/:id/archive': 'journeys:write',
  'GET /v1/journeys/:id/exit-job': 'journeys:read',
  'GET /v1/journeys/:id/audience-runs': 'journeys:read',
  'GET /v1/journeys/:id/versions': 'journeys:read',
  'POST /v1/journeys/:id/test-path': 'clients:read',
  'POST /v1/journeys/:id/forecast': 'clients:read',
  'GET /v1/forecasts/:id': 'clients:read',
  'GET /v1/journeys/:id/versions/:a/diff/:b': 'journeys:read',
  'GET /v1/journeys/:id/stats': 'stats:read',
  'GET /v1/journeys/:id/report': 'stats:read',
  'GET /v1/journeys/:id/uplift': 'stats:read',
  'GET /v1/funnel-taxonomy': 'stats:read',
  'PUT /v1/funnel-taxonomy': 'admin',
  'GET /v1/global-control': 'stats:read',
  'PUT /v1/global-control': 'admin',
  'GET /v1/global-control/report': 'stats:read',
  'GET /v1/delivery-settings': 'journeys:read',
  'PUT /v1/delivery-settings': 'admin',
  'GET /v1/audit-entries': 'admin',
  'GET /v1/segments': 'catalog:read',
  'POST /v1/segments': 'catalog:write',
  'POST /v1/segments/estimate': 'clients:read',
  'GET /v1/segments/:id': 'catalog:read',
  'PUT /v1/segments/:id': 'catalog:write',
  'DELETE /v1/segments/:id': 'catalog:write',
  'GET /v1/segments/:id/members': 'clients:read',
  'GET /v1/segments/:id/counts': 'catalog:read',
  'GET /v1/segments/:id/export.csv': 'clients:read',
  'GET /v1/segmentation': 'catalog:read',
  'PUT /v1/segmentation': 'admin',
  'POST /v1/segmentation/recompute': 'admin',
  'GET /v1/segmentation/rfm': 'stats:read',
  'GET /v1/segmentation/lifecycle': 'stats:read',
  'GET /v1/segmentation/transitions': 'stats:read',
  'POST /v1/journeys/:id/migrate': 'journeys:write',
  'POST /v1/journeys/:id/enrollments': 'journeys:write',
  'POST /v1/journeys/:id/enrollments/csv': 'journeys:write',
  'GET /v1/enrollment-jobs/:id': 'journeys:read',
  'POST /v1/products': 'catalog:write',
  'GET /v1/products': 'catalog:read',
  'GET /v1/products/:id': 'catalog:read',
  'PUT /v1/products/:id': 'catalog:write',
  'DELETE /v1/products/:id': 'catalog:write',
  'POST /v1/offers': 'catalog:write',
  'GET /v1/offers': 'catalog:read',
  'GET /v1/offers/:id': 'catalog:read',
  'PUT /v1/offers/:id': 'catalog:write',
  'DELETE /v1/offers/:id': 'catalog:write',
  'POST /v1/templates': 'catalog:write',
  'GET /v1/templates': 'catalog:read',
  'GET /v1/templates/:id': 'catalog:read',
  'PUT /v1/templates/:id': 'catalog:write',
  'DELETE /v1/templates/:id': 'catalog:write',
  'POST /v1/templates/:id/preview': 'catalog:read',
  'POST /v1/template-previews': 'catalog:read',
  'POST /v1/templates/:id/test-send': 'catalog:write',
  'GET /v1/templates/:id/uses': 'journeys:read',
  'GET /v1/event-types': 'catalog:read',
  'GET /v1/checkpoint-sample': 'clients:read',
  'GET /v1/journeys/:id/export': 'journeys:read',
  'POST /v1/journeys/import': 'journeys:write',
  'GET /v1/call-tasks': 'calls:work',
  'POST /v1/call-tasks/:id/claim': 'calls:work',
  'POST /v1/call-tasks/:id/complete': 'calls:work',
  'POST /v1/call-tasks/:id/release': 'calls:work',
  'GET /v1/operators': 'calls:work',
  'POST /v1/operators': 'admin',
  'GET /t/o/*': null,
  'GET /t/c/*': null,
  'GET /t/u/*': null,
  'POST /t/u/*': null,
  'POST /v1/receipts/twilio': null,
  'POST /v1/receipts/smsru/:secret': null,
  'GET /v1/sandbox/mail': 'clients:read',
  'GET /v1/sandbox/mail/:id': 'clients:read',
  'GET /v1/sandbox/sms': 'clients:read',
  'GET /v1/sandbox/sms/:id': 'clients:read',
};

/** A key for every scope, one scope each, plus none at all. */
type Caller = { name: ApiScope | 'no key'; headers: Record<string, string> };

let testDatabase: TestDatabase;
let database: OpenDatabase;
let mailbox: SmtpSandbox;
let smsInbox: SmsSandbox;
let app: FastifyInstance;
let callers: Caller[];

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = openDatabase(testDatabase.url);
  [mailbox, smsInbox] = await Promise.all([startSmtpSandbox(), startSmsSandbox({ receipts: false })]);
  app = await buildApp({
    db: database.db,
    config: { adminKey: ADMIN_KEY },
    moreRoutes: async (more) => void (await more.register(sandboxRoutes, { mailbox, smsInbox })),
  });
  await app.ready();
  const keyed = await Promise.all(
    API_SCOPES.map(async (scope) => {
      const { key } = await createApiKey(database.db, { name: scope, scopes: [scope] });
      return { name: scope, headers: { authorization: `Bearer ${key}` } };
    }),
  );
  callers = [{ name: 'no key', headers: {} }, ...keyed];
});
afterAll(async () => {
  await app?.close();
  await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
  await database?.close();
  await testDatabase?.close();
});

const routeName = ({ method, url }: RouteScope) => `${method === 'HEAD' ? 'GET' : method} ${url}`;

// Parameters that pass no schema check are fine: auth answers before validation, so any other answer
// means the key got past it.
const toPath = (url: string) =>
  url
    .replace(':id', '00000000-0000-4000-8000-000000000000')
    .replace(/:(a|b)/g, '1')
    .replace(':secret', 'x')
    .replace('*', 'x');

/** What the API-key check made of a request: refused for want of a key, of a scope, or let through. */
function verdictOf(
  method: string,
  response: { statusCode: number; body: string },
): 'unauthorized' | 'forbidden' | 'passed' {
  if (response.statusCode === 401) return 'unauthorized';
  // Receipt routes answer 403 by their own signature check; only the key check names a scope (HEAD
  // answers carry no body, and no HEAD route checks anything but the key).
  if (response.statusCode === 403 && (method === 'HEAD' || response.body.includes('lacks the')))
    return 'forbidden';
  return 'passed';
}

describe('every route declares its scope and enforces it', () => {
  it('the registered routes are exactly the scope table, each with its declared scope', () => {
    const registered = assertRouteScopes(app);
    const declared = Object.fromEntries(registered.map((route) => [routeName(route), route.scope]));
    expect(declared).toEqual(SCOPE_TABLE);
    expect(registered.length).toBeGreaterThan(Object.keys(SCOPE_TABLE).length); // HEAD routes too
  });

  it('walks every route with every scope: no key is 401, another scope 403, its scope gets through', async () => {
    const seen: string[] = [];
    for (const route of assertRouteScopes(app)) {
      const needed = SCOPE_TABLE[routeName(route)];
      for (const caller of callers) {
        const response = await app.inject({
          method: route.method as 'GET',
          url: toPath(route.url),
          headers: {
            ...caller.headers,
            ...(route.method === 'POST' || route.method === 'PUT'
              ? { 'content-type': 'application/json' }
              : {}),
          },
          ...(route.method === 'POST' || route.method === 'PUT' ? { payload: '{}' } : {}),
        });
        const expected =
          needed === null || caller.name === 'admin' || caller.name === needed
            ? 'passed'
            : caller.name === 'no key'
              ? 'unauthorized'
              : 'forbidden';
        const label = `${route.method} ${route.url} as ${caller.name}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(verdictOf(route.method, response), label).toBe(expected);
        seen.push(label);
      }
    }
    expect(seen.length).toBe(assertRouteScopes(app).length * callers.length);
  });
});

describe('client data takes clients:read wherever a route shows it', () => {
  const keyWith = async (...scopes: ApiScope[]) => {
    const { key } = await createApiKey(database.db, { name: scopes.join('+'), scopes });
    return { authorization: `Bearer ${key}` };
  };

  it('a template preview with a stored client refuses a catalog:read key and answers one that may read clients', async () => {
    const phone = '+15550001111';
    await app.inject({
      method: 'PUT',
      url: '/v1/clients/previewed',
      headers: ADMIN,
      payload: { phone, attributes: { firstName: 'Vera' } },
    });
    const template = await app.inject({
      method: 'POST',
      url: '/v1/templates',
      headers: ADMIN,
      payload: {
        channel: 'sms',
        key: 'hello',
        name: 'Hello',
        body: 'Hi {{ client.firstName }} at {{ client.phone }}',
      },
    });
    const url = `/v1/templates/${template.json<{ id: string }>().id}/preview`;
    const catalogOnly = await keyWith('catalog:read');
    const refused = await app.inject({
      method: 'POST',
      url,
      headers: catalogOnly,
      payload: { clientId: 'previewed' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(phone);
    expect(refused.json()).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('"clients:read"'),
    });
    // The same key still previews with sample or inline data.
    const sample = await app.inject({ method: 'POST', url, headers: catalogOnly, payload: {} });
    expect(sample.json()).toMatchObject({ text: 'Hi Alex at +15551234567' });
    const both = await keyWith('catalog:read', 'clients:read');
    const allowed = await app.inject({
      method: 'POST',
      url,
      headers: both,
      payload: { clientId: 'previewed' },
    });
    expect(allowed.json()).toMatchObject({ text: `Hi Vera at ${phone}` });
  });

  it('a client write answers the stored profile only to a key that may read clients', async () => {
    await app.inject({
      method: 'PUT',
      url: '/v1/clients/written',
      headers: ADMIN,
      payload: { email: 'w@example.com' },
    });
    const writer = await app.inject({
      method: 'PUT',
      url: '/v1/clients/written',
      headers: await keyWith('clients:write'),
      payload: {},
    });
    expect(writer.statusCode).toBe(200);
    expect(writer.json()).toEqual({ id: expect.any(String), externalId: 'written' });
    const reader = await app.inject({
      method: 'PUT',
      url: '/v1/clients/written',
      headers: await keyWith('clients:write', 'clients:read'),
      payload: {},
    });
    expect(reader.json()).toMatchObject({ externalId: 'written', email: 'w@example.com' });
  });
});

describe('a route without a scope', () => {
  it('stops buildApp, naming the route', async () => {
    const build = buildApp({
      db: database.db,
      config: { adminKey: ADMIN_KEY },
      moreRoutes: async (more) => void more.get('/v1/forgotten', async () => ({ secret: true })),
    });
    await expect(build).rejects.toThrow('route GET /v1/forgotten declares no scope');
  });

  it('stops listen() when it is added after buildApp', async () => {
    const late = await buildApp({ db: database.db, config: { adminKey: ADMIN_KEY } });
    late.post('/v1/late', async () => ({}));
    await expect(late.ready()).rejects.toThrow('route POST /v1/late declares no scope');
    await late.close().catch(() => undefined);
  });
});
