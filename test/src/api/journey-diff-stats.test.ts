import {
  clients,
  enrollments,
  eq,
  journeys,
  journeyVersions,
  messages,
  nodeVisits,
  transitions,
} from '@touchpoint/db';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));

/** Version 2 adds a wait before the ladder and raises the stimulate discount; the rest is unchanged. */
function buildVersion2() {
  const v2 = structuredClone(SEED_004_JOURNEY) as typeof SEED_004_JOURNEY & { nodes: unknown[] };
  const ladder = v2.nodes[1] as { config: { rungs: { offer?: { params: { percent: number } } }[] } };
  ladder.config.rungs[1]!.offer!.params.percent = 7;
  v2.nodes.push({ id: 'pause', kind: 'wait', config: { duration: { amount: 1, unit: 'days' } } });
  v2.edges = [
    { id: 'e1b', source: 'entry', sourcePort: 'out', target: 'pause' },
    { id: 'e3', source: 'pause', sourcePort: 'out', target: 'ladder' },
    SEED_004_JOURNEY.edges[1]!,
  ];
  return v2;
}

describe('journey version diff and stats', () => {
  let fixture: ApiFixture;
  let journeyId: string;
  const get = (url: string) => fixture.app.inject({ method: 'GET', url, headers: ADMIN });

  beforeAll(async () => {
    fixture = await createApiFixture();
    const { db } = fixture.database;
    const [journey] = await db
      .insert(journeys)
      .values({ name: 'Seed 004', draft: SEED_004_JOURNEY, status: 'active', currentVersion: 2 })
      .returning();
    journeyId = journey!.id;
    await db.insert(journeyVersions).values([
      { journeyId, number: 1, definition: SEED_004_JOURNEY },
      { journeyId, number: 2, definition: buildVersion2() },
    ]);
  });
  afterAll(async () => fixture.close());

  it('diffs two versions: nodes added / changed with the config keys, edges added / removed', async () => {
    const response = await get(`/v1/journeys/${journeyId}/versions/1/diff/2`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      journeyId,
      from: 1,
      to: 2,
      nodes: {
        added: [{ id: 'pause', kind: 'wait', name: null }],
        removed: [],
        changed: [{ id: 'ladder', kind: 'escalationLadder', fields: ['config'], configKeys: ['rungs'] }],
      },
      edges: {
        added: [
          { id: 'e1b', source: 'entry', target: 'pause' },
          { id: 'e3', source: 'pause', target: 'ladder' },
        ],
        removed: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'ladder' }],
      },
      goalChanged: false,
      settingsChanged: false,
    });
    const back = (await get(`/v1/journeys/${journeyId}/versions/2/diff/1`)).json();
    expect(back).toMatchObject({ nodes: { added: [], removed: [{ id: 'pause' }] } });
    expect((await get(`/v1/journeys/${journeyId}/versions/1/diff/9`)).json()).toMatchObject({
      code: 'not_found',
      message: 'params.b: journey has no version 9',
    });
    expect((await get(`/v1/journeys/${journeyId}/versions/x/diff/1`)).json()).toMatchObject({
      issues: [{ path: 'params.a' }],
    });
  });

  it('counts entered, waiting, sent and converted per node and transitions per edge', async () => {
    const { db } = fixture.database;
    const people = await db
      .insert(clients)
      .values(['s-1', 's-2', 's-3', 's-4'].map((externalId) => ({ externalId })))
      .returning();
    // Ladder rungs run as compiled steps `ladder/<rung>/wait|send`. s-1 converted on v1 after the
    // reminder; s-2 waits for the stimulate rung (v1); s-3 waits for the first rung (v2, via the pause);
    // s-4 got the reminder and left through `lost` (v1).
    const remind = ['ladder/remind/wait', 'ladder/remind/send'];
    const plans = [
      {
        version: 1,
        status: 'completed',
        exitReason: 'converted',
        path: ['entry', ...remind, 'ladder/stimulate/wait'],
        open: false,
      },
      {
        version: 1,
        status: 'active',
        exitReason: null,
        path: ['entry', ...remind, 'ladder/stimulate/wait'],
        open: true,
      },
      {
        version: 2,
        status: 'active',
        exitReason: null,
        path: ['entry', 'pause', 'ladder/remind/wait'],
        open: true,
      },
      {
        version: 1,
        status: 'exited',
        exitReason: 'notConverted',
        path: ['entry', ...remind, 'lost'],
        open: false,
      },
    ] as const;
    for (const [i, plan] of plans.entries()) {
      const clientId = people[i]!.id;
      const [enrollment] = await db
        .insert(enrollments)
        .values({
          journeyId,
          journeyVersion: plan.version,
          clientId,
          workflowId: `journey:${journeyId}:client:${clientId}`,
          source: 'manual',
          status: plan.status,
          exitReason: plan.exitReason,
          enteredAt: at(1 + i),
        })
        .returning();
      const base = { enrollmentId: enrollment!.id, journeyId, journeyVersion: plan.version };
      await db.insert(nodeVisits).values(
        plan.path.map((nodeId, seq) => ({
          ...base,
          nodeId,
          visitSeq: seq,
          enteredAt: at(1 + i),
          leftAt: plan.open && seq === plan.path.length - 1 ? null : at(1 + i),
        })),
      );
      await db.insert(transitions).values(
        plan.path.slice(1).map((toNodeId, seq) => ({
          ...base,
          fromNodeId: plan.path[seq]!,
          fromVisitSeq: seq,
          port: plan.path[seq]!.endsWith('/send') ? 'sent' : 'out',
          toNodeId,
          at: at(1 + i),
        })),
      );
      if (i < 2) {
        await db.insert(messages).values([
          {
            ...base,
            clientId,
            idempotencyKey: `m-${i}-a`,
            nodeId: 'ladder/remind/send',
            channel: 'email',
            status: 'sent',
            sentAt: at(1 + i),
          },
          {
            ...base,
            clientId,
            idempotencyKey: `m-${i}-b`,
            nodeId: 'ladder/remind/send',
            channel: 'sms',
            status: 'skipped',
          },
        ]);
      }
    }

    // s-1 crossed entry -> ladder a second time (a loop): edges count clients, so e1 stays at 3.
    const [again] = await db.select().from(enrollments).where(eq(enrollments.clientId, people[0]!.id));
    await db.insert(transitions).values({
      enrollmentId: again!.id,
      journeyId,
      journeyVersion: 1,
      fromNodeId: 'entry',
      fromVisitSeq: 99,
      port: 'out',
      toNodeId: 'ladder/remind/wait',
      at: at(1),
    });
    const all = (await get(`/v1/journeys/${journeyId}/stats`)).json();
    expect(all).toEqual({
      journeyId,
      version: null,
      from: null,
      to: null,
      // Where the counts came from (rollups or raw rows) is asserted by the measurement tests.
      source: expect.objectContaining({ servedFrom: expect.stringMatching(/^(rollups|raw)$/) }),
      totals: { enrolled: 4, active: 2, converted: 1, failed: 0, holdout: 0 },
      nodes: {
        entry: { entered: 4, waiting: 0, sent: 0, converted: 1, failed: 0 },
        pause: { entered: 1, waiting: 0, sent: 0, converted: 0, failed: 0 },
        ladder: { entered: 4, waiting: 2, sent: 2, converted: 1, failed: 0 },
        lost: { entered: 1, waiting: 0, sent: 0, converted: 0, failed: 0 },
      },
      edges: { e1: 3, e1b: 1, e3: 1, e2: 1 },
      steps: {
        entry: { entered: 4, waiting: 0, sent: 0, converted: 1, failed: 0 },
        pause: { entered: 1, waiting: 0, sent: 0, converted: 0, failed: 0 },
        'ladder/remind/wait': { entered: 4, waiting: 1, sent: 0, converted: 1, failed: 0 },
        'ladder/remind/send': { entered: 3, waiting: 0, sent: 2, converted: 1, failed: 0 },
        'ladder/stimulate/wait': { entered: 2, waiting: 1, sent: 0, converted: 1, failed: 0 },
        lost: { entered: 1, waiting: 0, sent: 0, converted: 0, failed: 0 },
      },
    });
    const v1 = (await get(`/v1/journeys/${journeyId}/stats?version=1`)).json();
    expect(v1).toMatchObject({
      totals: { enrolled: 3, active: 1, converted: 1 },
      nodes: { ladder: { entered: 3, waiting: 1, sent: 2, converted: 1 } },
      edges: { e1: 3, e2: 1 },
    });
    expect(Object.keys(v1.nodes as object).sort()).toEqual(['entry', 'ladder', 'lost']);
    const window = (
      await get(`/v1/journeys/${journeyId}/stats?from=${at(2).toISOString()}&to=${at(4).toISOString()}`)
    ).json();
    expect(window).toMatchObject({
      totals: { enrolled: 2, active: 2, converted: 0 },
      nodes: { ladder: { entered: 2, waiting: 2, sent: 1, converted: 0 } },
      edges: { e1: 1, e1b: 1, e3: 1 },
    });
  });

  it('names the bad parameter: an unknown version, a reversed window', async () => {
    expect((await get(`/v1/journeys/${journeyId}/stats?version=5`)).json()).toMatchObject({
      code: 'not_found',
      message: 'querystring.version: journey has no version 5',
    });
    const reversed = await get(
      `/v1/journeys/${journeyId}/stats?from=${at(4).toISOString()}&to=${at(2).toISOString()}`,
    );
    expect(reversed.json()).toMatchObject({
      issues: [{ path: 'querystring.to', message: 'must be after from' }],
    });
  });
});
