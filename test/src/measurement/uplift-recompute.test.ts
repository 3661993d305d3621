import { clients, enrollments, journeys, journeyVersions, nodeVisits, sql } from '@touchpoint/db';
import { drainReportRollups } from '@touchpoint/domain';
import {
  estimateStratifiedMeans,
  estimateStratifiedProportions,
  type UpliftEstimate,
  DEFAULT_FUNNEL_TAXONOMY,
} from '@touchpoint/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from '../api/api-fixture';
import { recountUpliftCells, type RecountRows } from './recount-uplift';

// The uplift through `GET /v1/journeys/:id/uplift` against a recount of the stored rows written from
// docs/metrics.md ("Uplift"), for the goal, every funnel action, ER and revenue per client, per
// version, drawn node and stratum. The events and purchases arrive in a burst of concurrent API
// writes with reads in between; afterwards the answer served from the rollups equals the recount and
// the raw answer (a period spanning everything) alike.
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 12);
const REGIONS = ['EU', 'US', 'RU'];
const EVERYTHING = 'from=1970-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'welcome', kind: 'send', config: { channels: ['email'], templateId: 'welcome' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome' },
    { id: 'e2', source: 'welcome', sourcePort: 'sent', target: 'done' },
  ],
  settings: { holdout: { share: 0.25, strata: [{ kind: 'attribute', name: 'region' }] } },
};

interface Answer {
  treatedClients: number;
  controlClients: number;
  goal: UpliftEstimate;
  engagement: UpliftEstimate;
  actions: { action: string; estimate: UpliftEstimate }[];
  revenuePerClient: UpliftEstimate;
  pastSpendBalance: UpliftEstimate;
  strata: {
    stratum: string;
    treatedClients: number;
    controlClients: number;
    engagement: UpliftEstimate;
    actions: { action: string; estimate: UpliftEstimate }[];
  }[];
  source: { servedFrom: 'rollups' | 'raw'; rawReason: string | null; pendingClients: number };
  from: string | null;
  to: string | null;
}

/** Client i: region by i (a small fourth region of 7, merged), arm every fourth, version by i. */
const regionOf = (i: number) => (i >= 153 ? 'IS' : REGIONS[i % 3]!);
const CLIENTS = 160;

describe('journey uplift recomputed from stored rows', () => {
  let fixture: ApiFixture;
  let journeyId: string;
  const get = async (query = '') => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: `/v1/journeys/${journeyId}/uplift?${query}`,
      headers: ADMIN,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Answer>();
  };
  const post = (url: string, payload: Record<string, unknown>) =>
    fixture.app.inject({ method: 'POST', url, headers: ADMIN, payload });
  const figures = ({ source: _s, from: _f, to: _t, ...rest }: Answer) => rest;

  beforeAll(async () => {
    fixture = await createApiFixture();
    const { db } = fixture.database;
    const [journey] = await db
      .insert(journeys)
      .values({ name: 'Uplift', draft: DEFINITION, status: 'active', currentVersion: 2 })
      .returning();
    journeyId = journey!.id;
    await db.insert(journeyVersions).values([
      { journeyId, number: 1, definition: DEFINITION },
      { journeyId, number: 2, definition: DEFINITION },
    ]);
    const rows = await db
      .insert(clients)
      .values(
        Array.from({ length: CLIENTS }, (_, i) => ({
          externalId: `up-${i}`,
          attributes: { region: regionOf(i) },
        })),
      )
      .returning({ id: clients.id });
    // Arms as the assignment leaves them: every fourth held out; every 23rd in the global control
    // group (in neither arm). Some convert; two versions; entry spread over a week.
    const enrolled = await db
      .insert(enrollments)
      .values(
        rows.map((row, i) => {
          const control = i % 23 === 5 ? ('global' as const) : i % 4 === 1 ? ('journey' as const) : null;
          return {
            journeyId,
            journeyVersion: i % 5 === 0 ? 1 : 2,
            clientId: row.id,
            workflowId: `wf-${i}`,
            source: 'manual' as const,
            stratum: `region=${regionOf(i)}`,
            isHoldout: control !== null,
            controlGroup: control,
            status: i % 3 === 0 ? ('completed' as const) : ('active' as const),
            exitReason: i % 3 === 0 ? (i % 6 === 0 ? 'converted' : 'completed') : null,
            enteredAt: new Date(T0 + (i % 7) * DAY),
          };
        }),
      )
      .returning({ id: enrollments.id });
    // Everyone visits the welcome; two regions' clients a ladder's two rungs (drawn node `ladder`).
    const visit = (i: number, enrollmentId: string, nodeId: string, visitSeq: number) => ({
      enrollmentId,
      journeyId,
      journeyVersion: i % 5 === 0 ? 1 : 2,
      nodeId,
      visitSeq,
      enteredAt: new Date(T0),
    });
    await db
      .insert(nodeVisits)
      .values(
        enrolled.flatMap((e, i) => [
          visit(i, e.id, 'welcome', 1),
          ...(i % 3 === 0 ? [] : [visit(i, e.id, 'ladder/call', 2), visit(i, e.id, 'ladder/sms', 3)]),
        ]),
      );
    // What the API process's refresher does first on a new database: the rebuild walk over every client.
    await drainReportRollups(db);
  }, 300_000);

  afterAll(async () => fixture?.close());

  it('equals the recount for every figure, from rollups after a burst and from raw rows', async () => {
    // Before any action or purchase: nobody engaged, the rollups already answer.
    const quiet = await get();
    expect(quiet.source.servedFrom).toBe('rollups');
    expect(quiet.engagement.treated).toBe(0);

    // The burst: actions inside and outside their windows, purchases before entry, inside 7 and
    // 30 days and beyond, 16 clients' requests at a time, with uplift reads in between.
    const writesOf = (i: number) => {
      const entered = T0 + (i % 7) * DAY;
      const at = (days: number) => new Date(entered + days * DAY).toISOString();
      const events = [
        i % 2 === 0 && { type: 'email.opened', occurredAt: at(2) },
        i % 3 === 0 && { type: 'email.opened', occurredAt: at(8) },
        i % 5 === 1 && { type: 'email.clicked', occurredAt: at(4) },
        i % 7 === 2 && { type: 'deal.closed', occurredAt: at(25) },
        i % 11 === 3 && { type: 'booking.completed', occurredAt: at(-1) },
      ].filter((e) => e !== false);
      const purchases = [
        i % 4 === 0 && { value: 40 + (i % 9), purchasedAt: at(-10) },
        i % 3 === 1 && { value: 15 + (i % 13) * 3, purchasedAt: at(3) },
        i % 5 === 2 && { value: 120, purchasedAt: at(20) },
        i % 6 === 3 && { value: 70, purchasedAt: at(45) },
      ].filter((p) => p !== false);
      return [
        events.length > 0 &&
          post('/v1/events', {
            events: events.map((e, n) => ({ ...e, clientId: `up-${i}`, idempotencyKey: `ev-${i}-${n}` })),
          }),
        purchases.length > 0 &&
          post('/v1/purchases', {
            purchases: purchases.map((p, n) => ({
              ...p,
              clientId: `up-${i}`,
              idempotencyKey: `order-${i}-${n}`,
              lines: [{ sku: 'sku-1', quantity: 1, unitPrice: p.value }],
            })),
          }),
      ].filter((w) => w !== false);
    };
    for (let from = 0; from < CLIENTS; from += 16) {
      const batch = Array.from({ length: 16 }, (_, n) => from + n).filter((i) => i < CLIENTS);
      const responses = await Promise.all([...batch.flatMap(writesOf), get(), get('node=ladder')]);
      for (const response of responses)
        if ('statusCode' in response) expect(response.statusCode, response.body).toBeLessThan(300);
    }

    const stored = await readStoredRows();
    for (const scope of [{}, { version: 1 }, { version: 2 }, { node: 'welcome' }, { node: 'ladder' }]) {
      const query = Object.entries(scope)
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
      const rolled = await get(query);
      const raw = await get(`${query}&${EVERYTHING}`);
      expect(rolled.source, query).toMatchObject({ servedFrom: 'rollups', pendingClients: 0 });
      expect(raw.source, query).toMatchObject({ servedFrom: 'raw', rawReason: 'period' });
      expect(figures(rolled), query).toEqual(figures(raw));
      expectRecount(rolled, recountUpliftCells(stored, { ...scope, revenueDays: 30 }), query);
    }
    // Another revenue window is counted from raw rows, by the same definitions.
    const week = await get('revenueDays=7');
    expect(week.source).toMatchObject({ servedFrom: 'raw', rawReason: 'revenueDays' });
    expectRecount(week, recountUpliftCells(stored, { revenueDays: 7 }), 'revenueDays=7');
    expect(week.revenuePerClient.treated).toBeLessThan((await get()).revenuePerClient.treated);
  }, 600_000);

  async function readStoredRows(): Promise<RecountRows> {
    const { db } = fixture.database;
    const read = async <T>(query: ReturnType<typeof sql>) =>
      ((await db.execute(query)) as unknown as { rows: T[] }).rows;
    return {
      taxonomy: DEFAULT_FUNNEL_TAXONOMY,
      enrollments: await read(sql`select id, client_id, journey_version, entered_at, stratum, control_group,
        status, exit_reason from enrollments where journey_id = ${journeyId}`),
      visits: await read(sql`select enrollment_id, node_id from node_visits where journey_id = ${journeyId}`),
      events: await read(sql`select client_id, type, occurred_at from events`),
      purchases: await read(sql`select client_id, value::float8 as value, purchased_at from purchases`),
    };
  }
});

/** The API's figures equal the estimators applied to the recounted (merged) strata. */
function expectRecount(answer: Answer, strata: ReturnType<typeof recountUpliftCells>, label: string) {
  expect(
    answer.strata.map((s) => [s.stratum, s.treatedClients, s.controlClients]),
    label,
  ).toEqual(strata.map((s) => [s.stratum, s.treated.length, s.control.length]));
  expect(answer.treatedClients, label).toBe(strata.reduce((n, s) => n + s.treated.length, 0));
  expect(answer.controlClients, label).toBe(strata.reduce((n, s) => n + s.control.length, 0));
  const proportion = (hit: (e: (typeof strata)[number]['treated'][number]) => boolean) =>
    estimateStratifiedProportions(
      strata.map((s) => ({
        treated: { n: s.treated.length, events: s.treated.filter(hit).length },
        control: { n: s.control.length, events: s.control.filter(hit).length },
      })),
    );
  const close = (got: UpliftEstimate, want: UpliftEstimate, what: string) => {
    expect(got.treated, `${label} ${what}`).toBeCloseTo(want.treated, 9);
    expect(got.control, `${label} ${what}`).toBeCloseTo(want.control, 9);
    expect(got.absoluteInterval[0], `${label} ${what}`).toBeCloseTo(want.absoluteInterval[0], 9);
    expect(got.absoluteInterval[1], `${label} ${what}`).toBeCloseTo(want.absoluteInterval[1], 9);
    expect(got.pValue, `${label} ${what}`).toBeCloseTo(want.pValue, 9);
  };
  close(
    answer.goal,
    proportion((e) => e.converted),
    'goal',
  );
  close(
    answer.engagement,
    proportion((e) => e.actions.size > 0),
    'ER',
  );
  expect(answer.engagement.treated, label).toBeGreaterThan(0);
  for (const { action, estimate } of answer.actions)
    close(
      estimate,
      proportion((e) => e.actions.has(action)),
      action,
    );
  const sums = (list: { revenue: number }[]) => ({
    n: list.length,
    sum: list.reduce((s, e) => s + e.revenue, 0),
    sumOfSquares: list.reduce((s, e) => s + e.revenue * e.revenue, 0),
  });
  const revenue = estimateStratifiedMeans(
    strata.map((s) => ({ treated: sums(s.treated), control: sums(s.control) })),
  );
  close(answer.revenuePerClient, revenue, 'revenue');
  expect(answer.revenuePerClient.treated, label).toBeGreaterThan(0);
  const past = (list: { pastSpend: number }[]) => sums(list.map((e) => ({ revenue: e.pastSpend })));
  close(
    answer.pastSpendBalance,
    estimateStratifiedMeans(strata.map((s) => ({ treated: past(s.treated), control: past(s.control) }))),
    'past spend',
  );
}
