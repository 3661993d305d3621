import { DEFAULT_FUNNEL_TAXONOMY } from '@touchpoint/language';
import { count, funnelActions, sql } from '@touchpoint/db';
import { type JourneyReport } from '@touchpoint/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStats } from '../harness/product-reads';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import {
  recomputeCurveDays,
  recomputeEngagement,
  recomputeNodeFunnel,
  recomputeProducts,
  recomputeTimeToConvert,
  recomputeTotals,
  recomputeWeekly,
  type Period,
} from './recompute-figures';
import { seedPopulation } from './seed-population';

// Every figure of the report equals its definition in docs/metrics.md, recomputed here in plain SQL
// over the rows a population of clients left through the API (counts exact, rates to 1e-9).
const POPULATION = 210;
const DAY = 86_400_000;
type Report = JourneyReport & {
  taxonomyVersion: number;
  source: { servedFrom: 'rollups' | 'raw'; rawReason: string | null; pendingClients: number };
};

describe('the journey report, recomputed from stored rows', () => {
  let tp: TestProduct;
  let journeyId: string;
  const report = (query = '') => tp.call<Report>('GET', `/v1/journeys/${journeyId}/report${query}`);

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'report-recompute' });
    journeyId = await seedPopulation(tp, POPULATION);
    // The figures below must come from the rollups (so this test also proves rollups = raw recount):
    // wait for the first build the migration scheduled.
    await waitUntil(
      async () => (await report()).source.servedFrom === 'rollups',
      PATIENCE_MS,
      'rollups built',
    );
  }, 1_500_000);

  afterAll(async () => {
    await tp?.stop();
  });

  it.each(['last', 'first', 'every'] as const)('engagement under %s touch', async (mode) => {
    const answer = await report(`?attribution=${mode}`);
    expect(answer.source).toMatchObject({ servedFrom: 'rollups', pendingClients: 0 });
    const expected = await recomputeEngagement(tp, journeyId, mode);
    expect(expected.reached).toBeGreaterThan(190);
    expect(answer.engagement.reached).toBe(expected.reached);
    const deepest = Object.fromEntries(
      answer.engagement.deepest.map((level) => [level.action, level.clients]),
    );
    for (const rule of DEFAULT_FUNNEL_TAXONOMY)
      expect(deepest[rule.action], rule.action).toBe(expected.deepest[rule.action] ?? 0);
    const engaged = Object.values(expected.deepest).reduce((sum, n) => sum + n, 0);
    expect(answer.engagement.engaged).toBe(engaged);
    expect(answer.engagement.rate).toBeCloseTo(engaged / expected.reached, 9);
  });

  it.each(['offer', 'reminder'])('one step’s communications (?node=%s), from rollups', async (node) => {
    const [answer, whole] = await Promise.all([report(`?node=${node}`), report()]);
    expect(answer.source).toMatchObject({ servedFrom: 'rollups', pendingClients: 0 });
    const expected = await recomputeEngagement(tp, journeyId, 'last', node);
    expect(expected.reached).toBeGreaterThan(100);
    expect(answer.engagement.reached).toBe(expected.reached);
    for (const level of answer.engagement.deepest)
      expect(level.clients, level.action).toBe(expected.deepest[level.action] ?? 0);
    const days = (await recomputeCurveDays(tp, journeyId, 'deal', node)).map((row) => row.day);
    expect(answer.curve.clients).toBe(days.length);
    expect(answer.curve.points.at(-1)?.day ?? -1).toBe(Math.max(-1, ...days));
    // Only the step's own messages are in scope; visits, totals and conversions are the journey's.
    for (const [nodeId, funnel] of Object.entries(answer.nodes)) {
      const all = whole.nodes[nodeId]!;
      expect(funnel.reached, nodeId).toBe(all.reached);
      expect(funnel.converted, nodeId).toBe(all.converted);
      expect(funnel.sent, nodeId).toBe(nodeId === node ? all.sent : 0);
      expect(funnel.actions, nodeId).toEqual(
        nodeId === node ? all.actions : all.actions.map((level) => ({ ...level, count: 0, rate: null })),
      );
    }
    expect(answer.totals).toEqual(whole.totals);
  });

  it('tells the attribution rules apart on this population', async () => {
    const [last, first] = await Promise.all([report('?attribution=last'), report('?attribution=first')]);
    const byNode = (r: Report, node: string) => r.nodes[node]!.actions.map((level) => level.count);
    expect(byNode(last, 'reminder')).not.toEqual(byNode(first, 'reminder'));
  });

  it('ER per week', async () => {
    const answer = await report();
    const expected = await recomputeWeekly(tp, journeyId);
    expect(answer.weekly.map((w) => [w.week.slice(0, 10), w.reached, w.engaged])).toEqual(
      expected.map((w) => [w.week, w.reached, w.engaged]),
    );
    for (const week of answer.weekly) expect(week.rate).toBeCloseTo(week.engaged / week.reached, 9);
  });

  it.each(['deal', 'booking'])('the cumulative curve of %s', async (target) => {
    const answer = await report(target === 'deal' ? '' : `?target=${target}`);
    const days = (await recomputeCurveDays(tp, journeyId, target)).map((row) => row.day);
    expect(days.length).toBeGreaterThan(0);
    expect(answer.curve).toMatchObject({ target, clients: days.length });
    const last = Math.max(...days);
    expect(answer.curve.points).toHaveLength(last + 1);
    for (const point of answer.curve.points) {
      const sofar = days.filter((day) => day <= point.day).length;
      expect(point.clients).toBe(sofar);
      expect(point.share).toBeCloseTo(sofar / days.length, 9);
    }
    const day80 = answer.curve.points.find((p) => days.filter((d) => d <= p.day).length >= 0.8 * days.length);
    expect(answer.curve.day80).toBe(day80?.day);
  });

  it('the per-node funnel, whose totals are the journey list’s', async () => {
    const answer = await report();
    const expected = await recomputeNodeFunnel(tp, journeyId);
    for (const row of expected) {
      const node = answer.nodes[row.node]!;
      const value = row.figure.startsWith('action:')
        ? node.actions.find((level) => level.action === row.figure.slice(7))!.count
        : node[row.figure as 'reached' | 'sent' | 'delivered' | 'converted'];
      expect(value, `${row.node} ${row.figure}`).toBe(row.n);
    }
    for (const node of Object.values(answer.nodes)) {
      for (const level of node.actions) {
        if (node.sent === 0) expect(level.rate).toBeNull();
        else expect(level.rate).toBeCloseTo(level.count / node.sent, 9);
      }
    }
    const stats = await readStats(tp, journeyId);
    expect(answer.totals).toMatchObject(stats.totals);
    expect(answer.totals.converted).toBeGreaterThan(0);
    for (const [nodeId, node] of Object.entries(answer.nodes))
      expect(node.converted).toBe(stats.nodes[nodeId]?.converted);
  });

  it('time to convert from entry and from each step', async () => {
    const answer = await report();
    const expected = await recomputeTimeToConvert(tp, journeyId);
    const fromEntry = answer.timeToConvert.fromEntry;
    expect(fromEntry.conversions).toBe(expected.entry!.n);
    expect(fromEntry.medianSeconds).toBeCloseTo(expected.entry!.p50, 6);
    expect(fromEntry.p75Seconds).toBeCloseTo(expected.entry!.p75, 6);
    expect(fromEntry.p90Seconds).toBeCloseTo(expected.entry!.p90, 6);
    for (const bin of fromEntry.histogram) {
      const inBin = expected.seconds.filter(
        (s) => s / 86400 >= bin.fromDay && (bin.toDay === null || s / 86400 < bin.toDay),
      ).length;
      expect(bin.conversions, `bin ${bin.fromDay}`).toBe(inBin);
    }
    for (const row of expected.byNode) {
      expect(answer.timeToConvert.fromNode[row.node]?.medianSeconds).toBeCloseTo(row.p50, 6);
      expect(answer.nodes[row.node]?.medianSecondsToConvert).toBeCloseTo(row.p50, 6);
    }
  });

  it('product attribution of goal purchases', async () => {
    const answer = await report();
    const expected = await recomputeProducts(tp, journeyId);
    expect(expected.map((row) => row.match).sort()).toEqual(['otherProduct', 'sameCategory', 'sameProduct']);
    for (const row of expected) {
      expect(answer.products[row.match as keyof Report['products']]).toEqual({
        lines: row.lines,
        purchases: row.purchases,
        revenue: Number(row.revenue),
      });
    }
  });

  /** The UTC days the stored rows decide periods by: enrollments' entries and messages' sends. */
  async function storedDays(): Promise<number[]> {
    const result = (await tp.database.db.execute(sql`
      select distinct extract(epoch from date_trunc('day', at at time zone 'UTC'))::float8 * 1000 as day from (
        select entered_at as at from enrollments where journey_id = ${journeyId}
        union all select sent_at from messages where journey_id = ${journeyId} and sent_at is not null
      ) t order by 1`)) as unknown as { rows: { day: number }[] };
    return result.rows.map((row) => row.day);
  }

  const periodQuery = (period: Period, to = period.to) =>
    `from=${period.from.toISOString()}&to=${to.toISOString()}`;

  it('cuts by period from the rollups, equal to the recount and to the raw rows', async () => {
    const days = await storedDays();
    const [first, last] = [days[0]!, days.at(-1)! + DAY];
    const periods: Period[] = [
      ...days.map((day) => ({ from: new Date(day), to: new Date(day + DAY) })),
      { from: new Date(first), to: new Date(last) },
      { from: new Date(first + DAY), to: new Date(last + 30 * DAY) },
      { from: new Date(first - 30 * DAY), to: new Date(first) },
    ];
    let nonEmpty = 0;
    for (const period of periods) {
      const label = periodQuery(period);
      const answer = await report(`?${label}&attribution=every`);
      expect(answer.source, label).toMatchObject({
        servedFrom: 'rollups',
        rawReason: null,
        pendingClients: 0,
      });
      expect(answer.totals, label).toEqual(await recomputeTotals(tp, journeyId, period));
      if (answer.totals.enrolled > 0) nonEmpty += 1;
      const engagement = await recomputeEngagement(tp, journeyId, 'every', undefined, period);
      expect(answer.engagement.reached, label).toBe(engagement.reached);
      for (const level of answer.engagement.deepest)
        expect(level.clients, `${label} ${level.action}`).toBe(engagement.deepest[level.action] ?? 0);
      const weekly = await recomputeWeekly(tp, journeyId, period);
      // Weekly engagement is recounted under last touch (a claim is a claim under either rule here).
      const lastTouch = await report(`?${label}`);
      expect(
        lastTouch.weekly.map((w) => [w.week.slice(0, 10), w.reached, w.engaged]),
        label,
      ).toEqual(weekly.map((w) => [w.week, w.reached, w.engaged]));
      for (const row of await recomputeNodeFunnel(tp, journeyId, period)) {
        const node = lastTouch.nodes[row.node]!;
        const value = row.figure.startsWith('action:')
          ? node.actions.find((level) => level.action === row.figure.slice(7))!.count
          : node[row.figure as 'reached' | 'sent' | 'delivered' | 'converted'];
        expect(value, `${label} ${row.node} ${row.figure}`).toBe(row.n);
      }
      const curveDays = await recomputeCurveDays(tp, journeyId, 'deal', undefined, period);
      expect(lastTouch.curve.clients, label).toBe(curveDays.length);
      const times = await recomputeTimeToConvert(tp, journeyId, period);
      expect(lastTouch.timeToConvert.fromEntry.conversions, label).toBe(times.entry?.n ?? 0);
      for (const row of await recomputeProducts(tp, journeyId, period)) {
        expect(lastTouch.products[row.match as keyof Report['products']], `${label} ${row.match}`).toEqual({
          lines: row.lines,
          purchases: row.purchases,
          revenue: Number(row.revenue),
        });
      }
      // A millisecond short of the day is no whole-day period: raw rows answer, with the same figures.
      const raw = await report(`?${periodQuery(period, new Date(period.to.getTime() - 1))}`);
      expect(raw.source, label).toMatchObject({ servedFrom: 'raw', rawReason: 'period' });
      const figures = ({ source: _source, to: _to, ...rest }: Report & { to?: unknown }) => rest;
      expect(figures(raw), label).toEqual(figures(lastTouch));
      const [stats, rawStats] = await Promise.all([
        tp.call<Record<string, unknown>>('GET', `/v1/journeys/${journeyId}/stats?${label}`),
        tp.call<Record<string, unknown>>(
          'GET',
          `/v1/journeys/${journeyId}/stats?${periodQuery(period, new Date(period.to.getTime() - 1))}`,
        ),
      ]);
      expect(stats.source, label).toMatchObject({ servedFrom: 'rollups' });
      expect(rawStats.source, label).toMatchObject({ servedFrom: 'raw', rawReason: 'period' });
      for (const key of ['totals', 'nodes', 'edges', 'steps'])
        expect(stats[key], `${label} ${key}`).toEqual(rawStats[key]);
      expect(stats.totals, label).toEqual(answer.totals);
    }
    // Some periods hold the population and some do not: the cut is no all-or-nothing.
    expect(nonEmpty).toBeGreaterThan(0);
    expect(nonEmpty).toBeLessThan(periods.length);
  });

  it('cuts one step’s communications by period: clients by their first message from it', async () => {
    const days = await storedDays();
    for (const day of days) {
      const period = { from: new Date(day), to: new Date(day + DAY) };
      const label = periodQuery(period);
      const answer = await report(`?${label}&node=reminder`);
      expect(answer.source, label).toMatchObject({ servedFrom: 'rollups' });
      const expected = await recomputeEngagement(tp, journeyId, 'last', 'reminder', period);
      expect(answer.engagement.reached, label).toBe(expected.reached);
      for (const level of answer.engagement.deepest)
        expect(level.clients, `${label} ${level.action}`).toBe(expected.deepest[level.action] ?? 0);
    }
  });

  it('recomputes with a new taxonomy and rewrites no stored fact', async () => {
    const storedBefore = await tp.database.db.select({ n: count() }).from(funnelActions);
    const before = await report();
    const longer = DEFAULT_FUNNEL_TAXONOMY.map((rule) =>
      rule.action === 'booking' ? { ...rule, windowDays: 30 } : rule,
    );
    const saved = await tp.call<{ version: number }>('PUT', '/v1/funnel-taxonomy', { actions: longer });
    const after = await report();
    expect(after.taxonomyVersion).toBe(saved.version);
    // Raw rows answer until the rebuild for the new version is done, then the rollups, alike.
    await waitUntil(async () => (await report()).source.servedFrom === 'rollups', PATIENCE_MS, 'rebuilt');
    const { source: _rebuiltSource, ...rebuilt } = await report();
    const { source: _afterSource, ...afterFigures } = after;
    expect(rebuilt).toEqual(afterFigures);
    const bookings = (r: Report) => r.engagement.deepest.find((level) => level.action === 'booking')!.clients;
    // Bookings 20 days after the last message now fall inside the window.
    expect(bookings(after)).toBeGreaterThan(bookings(before));
    const { source: oldSource, ...old } = await report('?taxonomyVersion=1');
    expect(oldSource).toMatchObject({ servedFrom: 'raw', rawReason: 'otherTaxonomy' });
    const { source: beforeSource, ...beforeFigures } = before;
    expect(beforeSource.servedFrom).toBe('rollups');
    expect(old).toEqual(beforeFigures);
    expect(await tp.database.db.select({ n: count() }).from(funnelActions)).toEqual(storedBefore);
  });

  it('names the bad field of a report query', async () => {
    for (const [query, path] of [
      ['?attribution=middle', 'querystring.attribution'],
      ['?target=nothing', 'querystring.target'],
      ['?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 'querystring.to'],
    ] as const) {
      const response = await fetch(`${tp.apiUrl}/v1/journeys/${journeyId}/report${query}`, {
        headers: { authorization: `Bearer ${tp.adminKey}` },
      });
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { issues: { path: string }[] };
      expect(body.issues.map((issue) => issue.path)).toContain(path);
    }
  });
});
