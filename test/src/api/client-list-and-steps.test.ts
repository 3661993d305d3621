import {
  callTasks,
  clients,
  enrollments,
  eq,
  journeyVersions,
  journeys,
  nodeVisits,
  segmentMemberships,
  segments,
  sql,
} from '@touchpoint/db';
import { clientMatchesSql } from '@touchpoint/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from './api-fixture';

type Page = { items: { externalId: string; name: string | null }[]; nextCursor: string | null };
type Entry = {
  kind: string;
  at: string;
  nodeId: string | null;
  outcome: string | null;
  outcomeName: string | null;
  note: string | null;
  step: { name: string | null; kind: string; rung: { index: number; part: string | null } | null } | null;
};

/** A version as the canvas drew it: named steps, a named branch, a ladder whose rungs have ids only. */
const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', name: 'Bought once', config: { trigger: { kind: 'manual' } } },
    {
      id: 'split-1',
      kind: 'conditionSplit',
      name: 'Who are they?',
      config: {
        branches: [
          {
            id: 'b1',
            name: 'Big spenders',
            condition: { predicates: [{ kind: 'tag', tag: 'vip', has: true }] },
          },
        ],
      },
    },
    {
      id: 'escalationLadder-1',
      kind: 'escalationLadder',
      name: 'Bring them back',
      config: {
        checkpoint: { source: 'expectedNextPurchase' },
        rungs: [
          { id: 'remind', offset: { amount: -3, unit: 'days' }, channels: ['email'], templateId: 'remind' },
          { id: 'call', offset: { amount: 5, unit: 'days' }, channels: ['call'], templateId: 'remind' },
        ],
      },
    },
    { id: 'lost', kind: 'exit', config: { reason: 'notConverted' } },
  ],
  edges: [],
};

describe('the client list and the timeline in step names', () => {
  let fixture: ApiFixture;
  let journeyId: string;
  const get = (url: string) => fixture.app.inject({ method: 'GET', url, headers: ADMIN });
  const ids = async (query: string) =>
    (await get(`/v1/clients?${query}`)).json<Page>().items.map((client) => client.externalId);

  beforeAll(async () => {
    fixture = await createApiFixture();
    const people: [string, object][] = [
      ['k-1', { email: 'anna@shop.example', phone: '+79161112233', attributes: { name: 'Анна Петрова' } }],
      ['k-2', { email: 'boris@shop.example', attributes: { name: 'Boris Ivanov' } }],
      ['k-3', { phone: '+79169998877', attributes: { name: 'Petra Novak' } }],
    ];
    for (const [id, body] of people)
      await fixture.app.inject({ method: 'PUT', url: `/v1/clients/${id}`, headers: ADMIN, payload: body });
    const { db } = fixture.database;
    const [journey] = await db
      .insert(journeys)
      .values({ name: 'Win back', draft: DEFINITION, status: 'active', currentVersion: 1 })
      .returning();
    journeyId = journey!.id;
    await db.insert(journeyVersions).values({ journeyId, number: 1, definition: DEFINITION });
  });
  afterAll(async () => fixture.close());

  it('finds clients by a part of the name in any script, the CRM id, email or phone', async () => {
    expect(await ids('q=петров')).toEqual(['k-1']);
    expect(await ids('q=PETR')).toEqual(['k-3']);
    expect(await ids('q=9998')).toEqual(['k-3']);
    expect(await ids('q=shop.example')).toEqual(['k-1', 'k-2']);
    expect(await ids('q=k-2')).toEqual(['k-2']);
    const [first] = (await get('/v1/clients?q=anna')).json<Page>().items;
    expect(first).toMatchObject({ externalId: 'k-1', name: 'Анна Петрова' });
  });

  it('answers a search from the trigram index, not a scan of every client', async () => {
    const { db } = fixture.database;
    // The planner prefers a scan of a three-row table; without that choice it must find the index,
    // which it does only when the search expression is the indexed one.
    const lines = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      // Both drivers answer `{ rows }`; the union of their result types is not narrowed by the generic.
      const plan = (await tx.execute(
        sql`explain select id from ${clients} where ${clientMatchesSql('petr')}`,
      )) as unknown as { rows: { 'QUERY PLAN': string }[] };
      return plan.rows.map((row) => row['QUERY PLAN']);
    });
    const text = lines.join('\n');
    expect(text).toContain('clients_search_trgm_idx');
  });

  it('filters by a stored segment and by the journey a client entered', async () => {
    const { db } = fixture.database;
    const byId = new Map((await db.select().from(clients)).map((row) => [row.externalId, row.id]));
    const [vip] = await db
      .insert(segments)
      .values({ key: 'vip-list', name: 'VIP', kind: 'rule' })
      .returning();
    await db.insert(segmentMemberships).values([
      { segmentId: vip!.id, clientId: byId.get('k-2')!, isMember: true, entries: 1, changedAt: new Date() },
      { segmentId: vip!.id, clientId: byId.get('k-3')!, isMember: false, entries: 1, changedAt: new Date() },
    ]);
    expect(await ids('segmentKey=vip-list')).toEqual(['k-2']);
    await db.insert(enrollments).values({
      journeyId,
      journeyVersion: 1,
      clientId: byId.get('k-3')!,
      workflowId: `journey:${journeyId}:client:k-3`,
      source: 'manual',
      enteredAt: new Date(),
      status: 'active',
    });
    expect(await ids(`journeyId=${journeyId}`)).toEqual(['k-3']);
    expect(await ids(`journeyId=${journeyId}&q=anna`)).toEqual([]);
    expect((await get('/v1/clients?journeyId=nope')).json()).toMatchObject({
      issues: [{ path: 'querystring.journeyId' }],
    });
  });

  it("names each step as drawn, each branch by its name, and shows the call's outcome when recorded", async () => {
    const { db } = fixture.database;
    const [client] = await db.select().from(clients).where(eq(clients.externalId, 'k-1'));
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 9, minutes));
    const [enrollment] = await db
      .insert(enrollments)
      .values({
        journeyId,
        journeyVersion: 1,
        clientId: client!.id,
        workflowId: `journey:${journeyId}:client:k-1`,
        source: 'manual',
        enteredAt: at(0),
        exitedAt: at(50),
        status: 'completed',
        exitReason: 'notConverted',
      })
      .returning();
    const visit = { enrollmentId: enrollment!.id, journeyId, journeyVersion: 1 };
    await db.insert(nodeVisits).values([
      { ...visit, nodeId: 'split-1', visitSeq: 1, enteredAt: at(1), outcome: 'branch:b1' },
      { ...visit, nodeId: 'escalationLadder-1/remind/wait', visitSeq: 2, enteredAt: at(2), outcome: 'out' },
      { ...visit, nodeId: 'escalationLadder-1/call/send', visitSeq: 3, enteredAt: at(3), outcome: 'sent' },
      { ...visit, nodeId: 'lost', visitSeq: 4, enteredAt: at(50), outcome: 'notConverted' },
    ]);
    await db.insert(callTasks).values({
      ...visit,
      idempotencyKey: 'k-1-call',
      clientId: client!.id,
      nodeId: 'escalationLadder-1/call/send',
      status: 'completed',
      outcome: 'callBack',
      outcomeNote: 'Busy, call after six',
      createdAt: at(3),
      completedAt: at(40),
    });
    const { items } = (await get('/v1/clients/k-1/timeline')).json<{ items: Entry[] }>();
    const visits = items.filter((item) => item.kind === 'nodeVisit');
    expect(visits.map((item) => [item.step, item.outcome, item.outcomeName])).toEqual([
      [{ name: 'Who are they?', kind: 'conditionSplit', rung: null }, 'branch:b1', 'Big spenders'],
      [{ name: 'Bring them back', kind: 'escalationLadder', rung: { index: 1, part: 'wait' } }, 'out', null],
      [{ name: 'Bring them back', kind: 'escalationLadder', rung: { index: 2, part: 'send' } }, 'sent', null],
      [{ name: null, kind: 'exit', rung: null }, 'notConverted', null],
    ]);
    const calls = items.filter((item) => item.kind === 'callTask' || item.kind === 'callOutcome');
    expect(calls.map((item) => [item.kind, item.at, item.outcome, item.note])).toEqual([
      ['callTask', at(3).toISOString(), null, null],
      ['callOutcome', at(40).toISOString(), 'callBack', 'Busy, call after six'],
    ]);
  });
});
