import { events, inArray, purchases } from '@touchpoint/db';
import type {
  LifecycleGridFigures,
  RfmDistribution,
  TransitionMatrix,
} from '@touchpoint/language/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from '../api/api-fixture';

// The segmentation pictures' figures (docs/metrics.md, "Segmentation"), each recomputed here from the
// stored rows: purchases for the RFM cells and the lifecycle grid, transition events for the matrix.
const DAY_MS = 86_400_000;
const FIRST = Date.parse('2026-03-01T12:00:00.000Z');
const SECOND = FIRST + 75 * DAY_MS;
// Fixed cut points, so moving time moves clients between recency scores (terciles would shift with them).
const CUTS = { recencyDays: [30, 90], purchaseCount: [1, 3], totalValue: [100, 300] } as const;
const DAY_COLUMNS = [30, 60, 90, 120, 180, 270, 360, 450];

let fixture: ApiFixture;

const call = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> => {
  const response = await fixture.app.inject({ method, url, headers: ADMIN, payload: payload as object });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json<T>();
};

beforeAll(async () => {
  fixture = await createApiFixture();
  const settings = await call<{ settings: { lifecycle: unknown } }>('GET', '/v1/segmentation');
  await call('PUT', '/v1/segmentation', {
    settings: { rfm: { kind: 'fixed', ...CUTS }, lifecycle: settings.settings.lifecycle },
  });
  // 60 clients: 1…6 purchases, a gap of 9…57 days between them, the last 1…470 days before FIRST.
  const orders = [];
  for (let i = 0; i < 60; i += 1) {
    const clientId = `fig-${String(i).padStart(2, '0')}`;
    await call('PUT', `/v1/clients/${clientId}`, { email: `${clientId}@example.com` });
    const count = (i % 6) + 1;
    const gap = 9 + ((i * 7) % 49);
    const last = FIRST - (1 + ((i * 37) % 470)) * DAY_MS - 3_600_000;
    for (let n = 0; n < count; n += 1)
      orders.push({
        idempotencyKey: `${clientId}-${n}`,
        clientId,
        purchasedAt: new Date(last - n * gap * DAY_MS).toISOString(),
        value: 15 + ((i * 11 + n * 29) % 140),
      });
  }
  await call('POST', '/v1/purchases', { purchases: orders });
  await call('POST', '/v1/segmentation/recompute', { asOf: new Date(FIRST).toISOString() });
  await call('POST', '/v1/segmentation/recompute', { asOf: new Date(SECOND).toISOString() });
}, 300_000);

afterAll(async () => {
  await fixture?.close();
});

/** Each client's purchases as stored, folded into the facts the figures read. */
async function storedBuyers() {
  const rows = await fixture.database.db
    .select({ clientId: purchases.clientId, at: purchases.purchasedAt, value: purchases.value })
    .from(purchases);
  const byClient = new Map<string, { count: number; total: number; last: number }>();
  for (const row of rows) {
    const known = byClient.get(row.clientId) ?? { count: 0, total: 0, last: 0 };
    byClient.set(row.clientId, {
      count: known.count + 1,
      total: known.total + Number(row.value),
      last: Math.max(known.last, row.at.getTime()),
    });
  }
  return [...byClient.values()];
}

const wholeDays = (asOf: number, at: number) => Math.floor(asOf / DAY_MS) - Math.floor(at / DAY_MS);
const score = (value: number, [low, high]: readonly [number, number]) =>
  value <= low ? 1 : value <= high ? 2 : 3;
const cents = (value: number) => Math.round(value * 100);

describe('the segmentation pictures, recomputed from stored rows', () => {
  it('counts clients, revenue and shares per RFM cell as the cut points put the buyers', async () => {
    const answer = await call<RfmDistribution>('GET', '/v1/segmentation/rfm');
    expect(answer.cells).toHaveLength(27);
    const expected = new Map<string, { clients: number; revenue: number }>();
    const buyers = await storedBuyers();
    for (const buyer of buyers) {
      const r = 4 - score(wholeDays(SECOND, buyer.last), CUTS.recencyDays);
      const cell = `R${r}F${score(buyer.count, CUTS.purchaseCount)}M${score(buyer.total, CUTS.totalValue)}`;
      const known = expected.get(cell) ?? { clients: 0, revenue: 0 };
      expected.set(cell, { clients: known.clients + 1, revenue: known.revenue + buyer.total });
    }
    const totalRevenue = buyers.reduce((sum, b) => sum + b.total, 0);
    for (const cell of answer.cells) {
      const want = expected.get(cell.cell) ?? { clients: 0, revenue: 0 };
      expect([cell.cell, cell.clients, cents(cell.revenue)]).toEqual([
        cell.cell,
        want.clients,
        cents(want.revenue),
      ]);
      expect(cell.clientShare).toBeCloseTo(want.clients / buyers.length, 9);
      expect(cell.revenueShare).toBeCloseTo(want.revenue / totalRevenue, 9);
      expect(cell.cell).toBe(`R${cell.recency}F${cell.frequency}M${cell.monetary}`);
    }
    expect(answer.clients).toBe(60);
    expect(expected.size).toBeGreaterThan(8);
  });

  it('places each buyer in the lifecycle grid by purchases and days, and names each cell’s stage', async () => {
    const asOf = new Date(SECOND).toISOString();
    const answer = await call<LifecycleGridFigures>('GET', `/v1/segmentation/lifecycle?asOf=${asOf}`);
    expect(answer.cells).toHaveLength(5 * 9);
    const expected = new Map<string, { clients: number; revenue: number }>();
    for (const buyer of await storedBuyers()) {
      const days = wholeDays(SECOND, buyer.last);
      const column = DAY_COLUMNS.findIndex((upper) => days <= upper);
      const key = `${Math.min(buyer.count, 5)}:${column === -1 ? 8 : column}`;
      const known = expected.get(key) ?? { clients: 0, revenue: 0 };
      expected.set(key, { clients: known.clients + 1, revenue: known.revenue + buyer.total });
    }
    for (const cell of answer.cells) {
      const want = expected.get(`${cell.row}:${cell.column}`) ?? { clients: 0, revenue: 0 };
      expect([cell.row, cell.column, cell.clients, cents(cell.revenue)]).toEqual([
        cell.row,
        cell.column,
        want.clients,
        cents(want.revenue),
      ]);
      // The default grid (ARCHITECTURE.md): 1–2 purchases new ≤ 90 days, then former new; 3+ best ≤ 90,
      // highest potential 91–180, former best after.
      const few = cell.row <= 2;
      const stage =
        cell.column <= 2
          ? few
            ? 'new'
            : 'best'
          : few
            ? 'former-new'
            : cell.column <= 4
              ? 'highest-potential'
              : 'former-best';
      expect(cell.stage, `row ${cell.row}, column ${cell.column}`).toBe(stage);
    }
    // The recompute as of the same moment put every buyer in the stage of their cell.
    const listed = await call<{ items: { key: string; members: number }[] }>('GET', '/v1/segments');
    for (const { stage } of answer.stages) {
      const inCells = answer.cells.filter((c) => c.stage === stage).reduce((n, c) => n + c.clients, 0);
      expect(listed.items.find((s) => s.key === stage)?.members ?? 0, stage).toBe(inCells);
    }
    expect(answer.stages.every((s) => s.segmentId !== null)).toBe(true);
  });

  it('counts the moves of each period from the stored transition events', async () => {
    const rows = await fixture.database.db
      .select({ type: events.type, at: events.occurredAt, properties: events.properties })
      .from(events)
      .where(inArray(events.type, ['segment.entered', 'segment.left']));
    const expectedMatrix = (family: string, from: number, to: number) => {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const p = row.properties as { family: string; from: string | null; to: string | null };
        const at = row.at.getTime();
        if (p.family !== family || at < from || at >= to) continue;
        if (row.type === 'segment.left' && p.to !== null) continue;
        const key = `${p.from ?? '∅'}→${p.to ?? '∅'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return Object.fromEntries([...counts].sort());
    };
    const answered = (matrix: TransitionMatrix) =>
      Object.fromEntries(matrix.moves.map((m) => [`${m.from ?? '∅'}→${m.to ?? '∅'}`, m.moves]).sort());
    for (const family of ['rfm', 'lifecycle'] as const) {
      for (const [from, to] of [
        [FIRST, FIRST + DAY_MS],
        [FIRST + DAY_MS, SECOND + DAY_MS],
      ] as const) {
        const url = `/v1/segmentation/transitions?family=${family}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
        const answer = await call<TransitionMatrix>('GET', url);
        expect(answered(answer), url).toEqual(expectedMatrix(family, from, to));
        if (from !== FIRST) {
          // Seventy-five days on, time alone moves buyers out of R3 and out of new and best.
          const moved = answer.moves.filter((m) => m.from !== null && m.to !== null);
          expect(moved.length, url).toBeGreaterThan(0);
        }
      }
    }
    // Every buyer entered a first cell exactly once (from none), whichever run classified them first.
    const ever = await call<TransitionMatrix>(
      'GET',
      '/v1/segmentation/transitions?family=rfm&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z',
    );
    const firstEntries = ever.moves.filter((m) => m.from === null);
    expect(firstEntries.reduce((n, m) => n + m.moves, 0)).toBe(60);
    expect(firstEntries.reduce((n, m) => n + m.clients, 0)).toBe(60);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const response = await fixture.app.inject({
      method: 'GET',
      url: '/v1/segmentation/transitions?family=rfm&from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z',
      headers: ADMIN,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ issues: [{ path: 'querystring.from' }] });
    const unknown = await fixture.app.inject({
      method: 'GET',
      url: '/v1/segmentation/transitions?family=tags',
      headers: ADMIN,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ message: string }>().message).toContain('family');
  });

  // Found by the fuzzer: a number beyond the integer range beside an integer fact answered 500.
  it('compares a fact with any finite number, however far outside the fact column’s range', async () => {
    const estimate = (value: number) =>
      call<{ count: number }>('POST', '/v1/segments/estimate', {
        rule: { kind: 'fact', fact: 'purchaseCount', op: 'gte', value },
        sampleSize: 0,
      });
    expect((await estimate(-2.68e151)).count).toBe(60);
    expect((await estimate(2.68e151)).count).toBe(0);
  });
});
