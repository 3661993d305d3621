import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

let fixture: ApiFixture;
beforeAll(async () => {
  fixture = await createApiFixture({ config: { adminKey: 'test-admin-key', maxBatchSize: 100 } });
});
afterAll(async () => fixture.close());

const event = { idempotencyKey: 'k1', clientId: 'c1', type: 'open', occurredAt: '2024-05-01T10:00:00Z' };
const json = { ...ADMIN, 'content-type': 'application/json' };

interface BadInput {
  name: string;
  method: 'POST' | 'PUT' | 'GET';
  url: string;
  headers?: Record<string, string>;
  payload?: string | object;
  status: number;
  code: string;
  /** A substring the message must contain: the field or the rule broken. */
  names: string;
}

const BAD_INPUTS: BadInput[] = [
  {
    name: 'wrong type',
    method: 'POST',
    url: '/v1/events',
    payload: { ...event, occurredAt: 12 },
    status: 400,
    code: 'validation_failed',
    names: 'occurredAt',
  },
  {
    name: 'not an ISO time',
    method: 'POST',
    url: '/v1/events',
    payload: { ...event, occurredAt: 'yesterday' },
    status: 400,
    code: 'validation_failed',
    names: 'occurredAt',
  },
  {
    name: 'missing field',
    method: 'POST',
    url: '/v1/events',
    payload: { ...event, type: undefined },
    status: 400,
    code: 'validation_failed',
    names: 'type',
  },
  {
    name: 'unknown field',
    method: 'POST',
    url: '/v1/events',
    payload: { events: [{ ...event, colour: 'red' }] },
    status: 400,
    code: 'validation_failed',
    names: 'colour',
  },
  {
    name: 'wrong type in a batch',
    method: 'POST',
    url: '/v1/events',
    payload: { events: [event, { ...event, properties: 'x' }] },
    status: 400,
    code: 'validation_failed',
    names: 'properties',
  },
  {
    name: 'oversized batch',
    method: 'POST',
    url: '/v1/events',
    payload: { events: Array.from({ length: 101 }, (_, i) => ({ ...event, idempotencyKey: `k${i}` })) },
    status: 400,
    code: 'validation_failed',
    names: 'body.events',
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    url: '/v1/events',
    headers: json,
    payload: '{"events": [',
    status: 400,
    code: 'malformed_json',
    names: 'JSON',
  },
  {
    name: 'no API key',
    method: 'POST',
    url: '/v1/events',
    headers: {},
    payload: event,
    status: 401,
    code: 'unauthorized',
    names: 'authorization',
  },
  {
    name: 'bad API key signature',
    method: 'POST',
    url: '/v1/events',
    headers: { authorization: 'Bearer tp_0123456789ab.forged' },
    payload: event,
    status: 401,
    code: 'unauthorized',
    names: 'API key',
  },
  {
    name: 'bad purchase value',
    method: 'POST',
    url: '/v1/purchases',
    payload: { idempotencyKey: 'o', clientId: 'c', purchasedAt: '2024-01-01T00:00:00Z', value: -5 },
    status: 400,
    code: 'validation_failed',
    names: 'value',
  },
  {
    name: 'bad phone',
    method: 'PUT',
    url: '/v1/clients/c1',
    payload: { phone: '555' },
    status: 400,
    code: 'validation_failed',
    names: 'phone',
  },
  {
    name: 'unknown time zone',
    method: 'PUT',
    url: '/v1/clients/c1',
    payload: { timeZone: 'Mars/Olympus' },
    status: 400,
    code: 'validation_failed',
    names: 'timeZone',
  },
  {
    name: 'unknown journey',
    method: 'GET',
    url: '/v1/journeys/00000000-0000-4000-8000-000000000000',
    status: 404,
    code: 'not_found',
    names: 'journey',
  },
  {
    name: 'journey id not a uuid',
    method: 'GET',
    url: '/v1/journeys/abc',
    status: 400,
    code: 'validation_failed',
    names: 'params.id',
  },
  {
    name: 'unknown client',
    method: 'GET',
    url: '/v1/clients/nobody',
    status: 404,
    code: 'not_found',
    names: 'nobody',
  },
];

describe('bad inputs', () => {
  it.each(BAD_INPUTS)('answers $name with $status $code naming "$names"', async (input) => {
    const response = await fixture.app.inject({
      method: input.method,
      url: input.url,
      headers: input.headers ?? ADMIN,
      ...(input.payload === undefined ? {} : { payload: input.payload }),
    });
    expect(response.statusCode).toBe(input.status);
    const body = response.json();
    expect(body.code).toBe(input.code);
    expect(typeof body.requestId).toBe('string');
    const issuePaths = (body.issues ?? []).map(
      (issue: { path: string; message: string }) => `${issue.path} ${issue.message}`,
    );
    expect([body.message, ...issuePaths].join(' | ')).toContain(input.names);
  });

  it('publishing an invalid draft answers 422 with the problems per node', async () => {
    const created = await fixture.app.inject({
      method: 'POST',
      url: '/v1/journeys',
      headers: ADMIN,
      payload: { name: 'broken', definition: { schemaVersion: 1, nodes: [], edges: [] } },
    });
    expect(created.statusCode).toBe(201);
    const publish = await fixture.app.inject({
      method: 'POST',
      url: `/v1/journeys/${created.json().id}/publish`,
      headers: ADMIN,
    });
    expect(publish.statusCode).toBe(422);
    expect(publish.json().code).toBe('invalid_journey');
    expect(publish.json().problems.length).toBeGreaterThan(0);
  });
});
