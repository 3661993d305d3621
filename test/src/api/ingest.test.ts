import { clientFacts, clients, eq, events, purchases } from '@touchpoint/db';
import { createApiKey } from '@touchpoint/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

let fixture: ApiFixture;
beforeAll(async () => {
  fixture = await createApiFixture();
});
afterAll(async () => fixture.close());

function batchOf(count: number, prefix: string) {
  return {
    events: Array.from({ length: count }, (_, i) => ({
      idempotencyKey: `${prefix}-${i}`,
      clientId: `client-${i % 7}`,
      type: 'pageView',
      occurredAt: '2024-05-01T10:00:00Z',
      properties: { page: `/p/${i}` },
    })),
  };
}

describe('POST /v1/events', () => {
  it('stores the same batch posted twice once', async () => {
    const body = batchOf(2500, 'twice');
    const first = await fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ADMIN,
      payload: body,
    });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ accepted: 2500, duplicates: 0 });
    const second = await fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ADMIN,
      payload: body,
    });
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ accepted: 0, duplicates: 2500 });
    expect(second.json().events.map((e: { eventId: number }) => e.eventId)).toEqual(
      first.json().events.map((e: { eventId: number }) => e.eventId),
    );
    const rows = await fixture.database.db.select({ id: events.id }).from(events);
    expect(rows.filter(() => true).length).toBe(2500);
    const created = await fixture.database.db.select().from(clients);
    expect(created.map((c) => c.externalId).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `client-${i}`));
  });

  it('accepts a single event and leaves it unrouted for the router', async () => {
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: ADMIN,
      payload: {
        idempotencyKey: 'single-1',
        clientId: 'solo',
        type: 'open',
        occurredAt: '2024-05-02T08:00:00+02:00',
      },
    });
    expect(response.statusCode).toBe(202);
    const [row] = await fixture.database.db
      .select()
      .from(events)
      .where(eq(events.idempotencyKey, 'single-1'));
    expect(row?.occurredAt.toISOString()).toBe('2024-05-02T06:00:00.000Z');
    expect(row?.routedAt).toBeNull();
  });

  it('lets a key with events:write in and keeps one without it out', async () => {
    const writer = await createApiKey(fixture.database.db, { name: 'ingest', scopes: ['events:write'] });
    const reader = await createApiKey(fixture.database.db, { name: 'read', scopes: ['clients:read'] });
    const payload = {
      idempotencyKey: 'scoped-1',
      clientId: 'solo',
      type: 'open',
      occurredAt: '2024-05-02T08:00:00Z',
    };
    const ok = await fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${writer.key}` },
      payload,
    });
    expect(ok.statusCode).toBe(202);
    const denied = await fixture.app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${reader.key}` },
      payload,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('events:write'),
    });
  });
});

describe('POST /v1/purchases', () => {
  it('keeps client facts on the smart trigger of seed 004, idempotently', async () => {
    const intervals = [90, 60, 30, 60, 90, 120, 150];
    let at = Date.UTC(2023, 0, 1);
    const orders = [{ at, key: 'order-0' }];
    intervals.forEach((days, i) => {
      at += days * 86_400_000;
      orders.push({ at, key: `order-${i + 1}` });
    });
    const payload = {
      purchases: orders.map((o) => ({
        idempotencyKey: o.key,
        clientId: 'seed-004',
        purchasedAt: new Date(o.at).toISOString(),
        value: 25.5,
      })),
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fixture.app.inject({
        method: 'POST',
        url: '/v1/purchases',
        headers: ADMIN,
        payload,
      });
      expect(response.statusCode).toBe(202);
    }
    const db = fixture.database.db;
    const [client] = await db.select().from(clients).where(eq(clients.externalId, 'seed-004'));
    const [facts] = await db.select().from(clientFacts).where(eq(clientFacts.clientId, client!.id));
    expect(facts).toMatchObject({
      purchaseCount: 8,
      totalValue: 204,
      intervalCount: 7,
      lastIntervalDays: 150,
    });
    expect(facts!.meanIntervalDays).toBeCloseTo(85.7, 1);
    expect(facts!.lastIntervalExceededMean).toBe(true);
    expect(facts!.expectedNextPurchaseAt!.getTime()).toBe(at + Math.round((600 / 7) * 86_400_000));
    expect(await db.select().from(purchases).where(eq(purchases.clientId, client!.id))).toHaveLength(8);
    const profile = await fixture.app.inject({ method: 'GET', url: '/v1/clients/seed-004', headers: ADMIN });
    expect(profile.json().facts).toMatchObject({ purchaseCount: 8, isOverdue: true });
  });
});

describe('PUT /v1/clients/:id', () => {
  it('creates then merges a profile', async () => {
    const put = (payload: object) =>
      fixture.app.inject({ method: 'PUT', url: '/v1/clients/crm-42', headers: ADMIN, payload });
    expect((await put({ email: 'a@example.com', attributes: { tier: 'gold' } })).statusCode).toBe(200);
    const second = await put({ timeZone: 'Europe/Berlin', attributes: { region: 'north' } });
    expect(second.json()).toMatchObject({
      externalId: 'crm-42',
      email: 'a@example.com',
      timeZone: 'Europe/Berlin',
      attributes: { tier: 'gold', region: 'north' },
      facts: null,
    });
  });
});
