import {
  callTasks,
  clients,
  enrollments,
  eq,
  funnelActions,
  journeys,
  messages,
  nodeVisits,
} from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_KEY, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

type Page = {
  items: { externalId: string; isOverdue: boolean; purchaseCount: number }[];
  nextCursor: string | null;
};

describe('client search and timeline', () => {
  let fixture: ApiFixture;
  const get = (url: string) => fixture.app.inject({ method: 'GET', url, headers: ADMIN });
  const post = (url: string, payload: object) =>
    fixture.app.inject({ method: 'POST', url, headers: ADMIN, payload });

  beforeAll(async () => {
    fixture = await createApiFixture({
      config: { adminKey: ADMIN_KEY, temporalUiUrl: 'http://127.0.0.1:8233/' },
    });
    const profiles: [string, object][] = [
      ['c-1', { email: 'ann@shop.example', attributes: { tier: 'gold' } }],
      ['c-2', { email: 'bob@shop.example', attributes: { tier: 'silver' } }],
      ['c-3', { email: 'cy@other.example', attributes: { tier: 'gold' } }],
      ['c-4', { phone: '+15550001111' }],
      ['c-5', {}],
    ];
    for (const [id, body] of profiles)
      await fixture.app.inject({ method: 'PUT', url: `/v1/clients/${id}`, headers: ADMIN, payload: body });
    // c-1: bought 100 and 90 days ago (mean 10 days, 90 since) -> overdue; c-2: 20 and 15 days ago, mean
    // 5, 15 since -> overdue too; c-3: 12 and 2 days ago (mean 10, 2 since) -> not overdue; c-4: once.
    const orders: [string, number][] = [
      ['c-1', 100],
      ['c-1', 90],
      ['c-2', 20],
      ['c-2', 15],
      ['c-3', 12],
      ['c-3', 2],
      ['c-4', 30],
    ];
    const response = await post('/v1/purchases', {
      purchases: orders.map(([clientId, days], i) => ({
        idempotencyKey: `o-${i}`,
        clientId,
        purchasedAt: daysAgo(days),
        value: 10 + i,
      })),
    });
    expect(response.statusCode).toBe(202);
  });
  afterAll(async () => fixture.close());

  it('finds clients by a substring of their email, phone or external id', async () => {
    const ids = async (q: string) =>
      (await get(`/v1/clients?q=${encodeURIComponent(q)}`)).json<Page>().items.map((c) => c.externalId);
    expect(await ids('SHOP.example')).toEqual(['c-1', 'c-2']);
    expect(await ids('0001111')).toEqual(['c-4']);
    expect(await ids('c-5')).toEqual(['c-5']);
    expect(await ids('%')).toEqual([]);
  });

  it('filters by fact segments and by attribute segments', async () => {
    const ids = async (segment: string) =>
      (await get(`/v1/clients?segment=${encodeURIComponent(segment)}`))
        .json<Page>()
        .items.map((c) => c.externalId);
    expect(await ids('overdue')).toEqual(['c-1', 'c-2']);
    expect(await ids('repeat')).toEqual(['c-1', 'c-2', 'c-3']);
    expect(await ids('oneTime')).toEqual(['c-4']);
    expect(await ids('nonBuyer')).toEqual(['c-5']);
    expect(await ids('tier:gold')).toEqual(['c-1', 'c-3']);
    const gold = await get('/v1/clients?segment=tier:gold&q=ann');
    expect(gold.json<Page>().items).toMatchObject([{ externalId: 'c-1', isOverdue: true, purchaseCount: 2 }]);
  });

  it('pages through every client with the cursor and rejects a forged cursor or unknown segment', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await get(`/v1/clients?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json<Page>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.externalId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
    expect((await get('/v1/clients?cursor=***')).json()).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'querystring.cursor' }],
    });
    expect((await get('/v1/clients?segment=vip')).json()).toMatchObject({
      issues: [{ path: 'querystring.segment' }],
    });
    expect((await get('/v1/clients?limit=0')).json()).toMatchObject({
      issues: [{ path: 'querystring.limit' }],
    });
  });

  it('lists enrollments, node visits with skip reasons, messages, call tasks and actions in time order', async () => {
    const { db } = fixture.database;
    const [client] = await db.select().from(clients).where(eq(clients.externalId, 'c-1'));
    const [journey] = await db
      .insert(journeys)
      .values({ name: 'Win back', draft: {}, status: 'active', currentVersion: 1 })
      .returning();
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 9, minutes));
    const workflowId = `journey:${journey!.id}:client:${client!.id}`;
    const [enrollment] = await db
      .insert(enrollments)
      .values({
        journeyId: journey!.id,
        journeyVersion: 1,
        clientId: client!.id,
        workflowId,
        source: 'event',
        enteredAt: at(0),
        exitedAt: at(30),
        status: 'completed',
        exitReason: 'goal: purchase',
      })
      .returning();
    const visit = { enrollmentId: enrollment!.id, journeyId: journey!.id, journeyVersion: 1 };
    await db.insert(nodeVisits).values([
      { ...visit, nodeId: 'entry', visitSeq: 0, enteredAt: at(0), outcome: 'out' },
      {
        ...visit,
        nodeId: 'sms-1',
        visitSeq: 1,
        enteredAt: at(1),
        outcome: 'sent',
        skipReason: 'quiet hours',
      },
      { ...visit, nodeId: 'email-1', visitSeq: 2, enteredAt: at(2), outcome: 'sent' },
    ]);
    const [email] = await db
      .insert(messages)
      .values({
        ...visit,
        idempotencyKey: `${workflowId}:2:email-1`,
        clientId: client!.id,
        nodeId: 'email-1',
        channel: 'email',
        status: 'opened',
        createdAt: at(3),
        statusTimeline: [
          { status: 'queued', at: at(3).toISOString() },
          { status: 'sent', at: at(3).toISOString() },
          { status: 'opened', at: at(10).toISOString() },
        ],
      })
      .returning();
    await db.insert(messages).values({
      ...visit,
      idempotencyKey: `${workflowId}:1:sms-1`,
      clientId: client!.id,
      nodeId: 'sms-1',
      channel: 'sms',
      status: 'skipped',
      createdAt: at(1),
      statusTimeline: [{ status: 'skipped', at: at(1).toISOString(), detail: 'cap: 1 sms per day' }],
    });
    await db.insert(funnelActions).values({
      sourceKey: 'open:1',
      type: 'open',
      clientId: client!.id,
      occurredAt: at(10),
      messageId: email!.id,
      ...visit,
      nodeId: 'email-1',
    });
    await db.insert(callTasks).values({
      idempotencyKey: 'call-1',
      clientId: client!.id,
      ...visit,
      nodeId: 'call-1',
      workflowId,
      status: 'completed',
      outcome: 'reached',
      createdAt: at(20),
    });

    const response = await get('/v1/clients/c-1/timeline');
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: Record<string, unknown>[] }>();
    const journeyItems = items.filter((item) => item['journeyId'] === journey!.id);
    expect(journeyItems.map((item) => [item['kind'], item['nodeId'], item['reason']])).toEqual([
      ['enrollment', null, null],
      ['nodeVisit', 'entry', null],
      ['nodeVisit', 'sms-1', 'quiet hours'],
      ['message', 'sms-1', 'cap: 1 sms per day'],
      ['nodeVisit', 'email-1', null],
      ['message', 'email-1', null],
      ['funnelAction', 'email-1', null],
      ['callTask', 'call-1', null],
      ['exit', null, 'goal: purchase'],
    ]);
    expect(journeyItems[0]).toMatchObject({
      title: 'entered "Win back" v1 via event',
      workflowId,
      temporalUiUrl: `http://127.0.0.1:8233/namespaces/default/workflows/${encodeURIComponent(workflowId)}`,
    });
    expect(journeyItems[5]).toMatchObject({
      status: 'opened',
      statusTimeline: [{ status: 'queued' }, { status: 'sent' }, { status: 'opened' }],
    });
    const purchases = items.filter((item) => item['kind'] === 'purchase');
    expect(purchases.map((item) => item['value'])).toEqual([10, 11]);
    expect((await get('/v1/clients/nobody/timeline')).json()).toMatchObject({
      code: 'not_found',
      message: 'params.id: no client "nobody"',
    });
  });
});
