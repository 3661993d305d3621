import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, SIGNUP_JOURNEY } from './api-fixture';
import type { ApiFixture } from './api-fixture';

// Bad input of every kind is a 4xx naming the field, never a 5xx (issue 11, items 6–14).
let fixture: ApiFixture;
beforeAll(async () => {
  fixture = await createApiFixture();
});
afterAll(async () => fixture.close());

type Method = 'GET' | 'POST' | 'PUT';
async function call(method: Method, url: string, payload?: unknown) {
  const response = await fixture.app.inject({
    method,
    url,
    headers: { ...ADMIN, 'content-type': 'application/json' },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
  return { status: response.statusCode, body: response.json(), text: response.body };
}

/** Asserts a 400 (or `status`) whose message or issue paths name `field`. */
async function expectRefused(method: Method, url: string, payload: unknown, field: string, status = 400) {
  const answer = await call(method, url, payload);
  expect(answer.status, answer.text).toBe(status);
  const named = [answer.body.message, ...(answer.body.issues ?? []).map((i: { path: string }) => i.path)];
  expect(named.join(' | ')).toContain(field);
}

const at = '2024-05-01T10:00:00Z';
const event = (key: string, extra: object = {}) => ({
  idempotencyKey: key,
  clientId: 'c1',
  type: 'open',
  occurredAt: at,
  ...extra,
});
const purchase = (key: string, extra: object = {}) => ({
  idempotencyKey: key,
  clientId: 'buyer',
  purchasedAt: at,
  value: 10,
  ...extra,
});

describe('text the database cannot store (item 6)', () => {
  it.each([
    ['a NUL in an event type', '/v1/events', event('n1', { type: 'a\u0000b' }), 'body.type'],
    [
      'a lone surrogate in a property',
      '/v1/events',
      event('n2', { properties: { x: 'a\uD800' } }),
      'body.properties.x',
    ],
    [
      'a NUL in a property key',
      '/v1/events',
      event('n3', { properties: { 'k\u0000': 1 } }),
      'body.properties',
    ],
    ['a NUL in a journey name', '/v1/journeys', { name: 'x\u0000', definition: SIGNUP_JOURNEY }, 'body.name'],
    [
      'a lone surrogate deep in a draft',
      '/v1/journeys',
      { name: 'j', definition: { a: [{ b: '\uDC00' }] } },
      'body.definition.a.0.b',
    ],
  ])('refuses %s with a 400 naming the field', async (_name, url, payload, field) => {
    await expectRefused('POST', url, payload, field);
  });

  it('refuses a NUL in a query string and in a path', async () => {
    await expectRefused('GET', '/v1/clients?q=a%00b', undefined, 'querystring.q');
    await expectRefused('GET', '/v1/clients/a%00b', undefined, 'params.id');
  });
});

describe('numbers and dates beyond the columns (items 7, 10)', () => {
  it.each([
    [
      'quantity 2^31',
      purchase('q1', { lines: [{ sku: 's', quantity: 2 ** 31, unitPrice: 1 }] }),
      'body.lines.0.quantity',
    ],
    ['itemCount 2^31', purchase('q2', { itemCount: 2 ** 31 }), 'body.itemCount'],
    [
      'unitPrice 1e300',
      purchase('q3', { lines: [{ sku: 's', quantity: 1, unitPrice: 1e300 }] }),
      'body.lines.0.unitPrice',
    ],
    ['a purchase dated 9999', purchase('q4', { purchasedAt: '9999-12-31T00:00:00Z' }), 'body.purchasedAt'],
    ['a purchase dated year 0', purchase('q5', { purchasedAt: '0000-01-01T00:00:00Z' }), 'body.purchasedAt'],
  ])('refuses %s with a 400 naming the field', async (_name, payload, field) => {
    await expectRefused('POST', '/v1/purchases', payload, field);
  });

  it('refuses versions beyond an integer column in paths and bodies', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expectRefused('GET', `/v1/journeys/${id}/versions/9007199254740990/diff/1`, undefined, 'params.a');
    const body = { fromVersion: 1, toVersion: 2 ** 31, nodeMap: {}, dryRun: true };
    await expectRefused('POST', `/v1/journeys/${id}/migrate`, body, 'body.toVersion');
  });

  it('refuses an event and an offer dated outside 1900–2199', async () => {
    await expectRefused(
      'POST',
      '/v1/events',
      event('d1', { occurredAt: '9999-01-01T00:00:00Z' }),
      'body.occurredAt',
    );
    const offer = { key: 'o-far', name: 'far', kind: 'gift', validFrom: '0020-02-29T00:00:00Z' };
    await expectRefused('POST', '/v1/offers', offer, 'body.validFrom');
  });

  it('keeps taking a client’s purchases after one dated at the edge of the range', async () => {
    const edge = await call(
      'POST',
      '/v1/purchases',
      purchase('edge-1', { clientId: 'edgy', purchasedAt: '2199-12-31T00:00:00Z' }),
    );
    expect(edge.status, edge.text).toBe(202);
    const later = await call(
      'POST',
      '/v1/purchases',
      purchase('edge-2', { clientId: 'edgy', purchasedAt: '1900-01-02T00:00:00Z' }),
    );
    expect(later.status, later.text).toBe(202);
    const profile = await call('GET', '/v1/clients/edgy');
    expect(profile.body.facts.purchaseCount).toBe(2);
  });
});

describe('batches (item 8)', () => {
  it('stores 10,000 events and 10,000 purchases in one request each', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) =>
      event(`bulk-${i}`, { clientId: `bulk-${i % 2_500}` }),
    );
    const stored = await call('POST', '/v1/events', { events });
    expect(stored.status, stored.text.slice(0, 300)).toBe(202);
    expect(stored.body.accepted).toBe(10_000);
    const purchases = Array.from({ length: 10_000 }, (_, i) =>
      purchase(`order-${i}`, { clientId: `bulk-${i}`, lines: [{ sku: 'a', quantity: 1, unitPrice: 5 }] }),
    );
    const bought = await call('POST', '/v1/purchases', { purchases });
    expect(bought.status, bought.text.slice(0, 300)).toBe(202);
    expect(bought.body.accepted).toBe(10_000);
    const again = await call('POST', '/v1/events', { events });
    expect(again.body.duplicates).toBe(10_000);
  });

  it('refuses 10,001 events with a 400 naming body.events', async () => {
    const events = Array.from({ length: 10_001 }, (_, i) => event(`over-${i}`));
    await expectRefused('POST', '/v1/events', { events }, 'body.events');
  });
});

describe('nesting and public bodies (item 9)', () => {
  it('refuses JSON nested 10,000 deep with a 400', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const answer = await call(
      'POST',
      '/v1/events',
      `{"idempotencyKey":"deep","clientId":"c","type":"t","occurredAt":"${at}","properties":${deep}}`,
    );
    expect(answer.status, answer.text.slice(0, 300)).toBe(400);
    expect(answer.body.message).toContain('nested deeper');
  });

  it('limits bodies on public routes to 64 KiB', async () => {
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/t/u/some-token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `List-Unsubscribe=${'x'.repeat(70 * 1024)}`,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });
});

describe('journey size and paging (item 12)', () => {
  const chain = (length: number) => ({
    schemaVersion: 1,
    nodes: [
      SIGNUP_JOURNEY.nodes[0],
      ...Array.from({ length }, (_, i) => ({
        id: `w${i}`,
        kind: 'wait',
        config: { duration: { amount: 1, unit: 'days' } },
      })),
      SIGNUP_JOURNEY.nodes[1],
    ],
    edges: [],
  });

  it('refuses to save a draft of 5,000 nodes with a 413 naming the limit', async () => {
    await expectRefused(
      'POST',
      '/v1/journeys',
      { name: 'huge', definition: chain(5_000) },
      'at most 1000 nodes',
      413,
    );
  });

  it('pages the journey list with limit and cursor, each journey once', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await call('POST', '/v1/journeys', { name: `paged ${i}`, definition: SIGNUP_JOURNEY })).status,
      ).toBe(201);
    }
    const seen: string[] = [];
    let url = '/v1/journeys?limit=2';
    for (let page = 0; page < 10; page += 1) {
      const answer = await call('GET', url);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.items.map((j: { id: string }) => j.id));
      if (answer.body.nextCursor === null) break;
      url = `/v1/journeys?limit=2&cursor=${encodeURIComponent(answer.body.nextCursor)}`;
    }
    const all = await call('GET', '/v1/journeys?limit=200');
    expect(seen).toEqual(all.body.items.map((j: { id: string }) => j.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    await expectRefused('GET', '/v1/journeys?cursor=bogus', undefined, 'querystring.cursor');
  });
});

describe('idempotency keys and client ids (items 13, 14)', () => {
  it('keeps client keys out of the internal purchase namespace, so a real order is never a duplicate', async () => {
    await expectRefused('POST', '/v1/events', event('purchase:real-order-77'), 'body.idempotencyKey');
    const order = await call('POST', '/v1/purchases', purchase('real-order-77'));
    expect(order.status, order.text).toBe(202);
    expect(order.body.accepted).toBe(1);
  });

  it('reads back a client id of 200 characters, and refuses 201 everywhere alike', async () => {
    const id = 'é'.repeat(200);
    const written = await call('PUT', `/v1/clients/${encodeURIComponent(id)}`, { email: 'long@example.com' });
    expect(written.status, written.text).toBeLessThan(300);
    const read = await call('GET', `/v1/clients/${encodeURIComponent(id)}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.externalId).toBe(id);
    const tooLong = 'x'.repeat(201);
    await expectRefused('GET', `/v1/clients/${tooLong}`, undefined, 'params.id');
    await expectRefused('POST', '/v1/events', event('long', { clientId: tooLong }), 'body.clientId');
  });

  it('answers a path parameter longer than any valid id with 414 in the error format', async () => {
    const answer = await call('GET', `/v1/clients/${'x'.repeat(3_000)}`);
    expect(answer.status).toBe(414);
    expect(answer.body).toMatchObject({ code: 'uri_too_long' });
    expect(typeof answer.body.requestId).toBe('string');
  });
});
