import type { Executor } from '@touchpoint/db';
import type { FunnelTaxonomy } from '@touchpoint/language';
import { PRODUCT_MATCHES } from '@touchpoint/language';
import type { ProductAttribution } from '../attribute-purchased-products';
import type { JourneyReport } from '../build-journey-report';
import type { Engagement } from '../count-engagement';
import type { JourneyTotals } from '../count-journey-totals';
import type { NodeFunnel } from '../count-node-funnel';
import { curveFromDays } from '../measure-target-curve';
import {
  measureTimeToConvert,
  TIME_TO_CONVERT_BIN_DAYS,
  type ConversionTimes,
} from '../measure-time-to-convert';
import type { TimeToConvert } from '../measure-time-to-convert';
import type { ReportScope } from '../report-scope';
import { estimateQuantiles } from './estimate-quantiles';
import { readReportCounters, sumBy, type CounterRow } from './read-report-counters';

/**
 * Up to this many conversions in scope, quantiles are exact (percentile_cont over the raw rows, a
 * small indexed read); above it they come from the histogram within QUANTILE_RELATIVE_ERROR.
 */
export const EXACT_QUANTILE_LIMIT = 5_000;

const total = (rows: CounterRow[], figure: string) =>
  rows.reduce((sum, row) => (row.figure === figure ? sum + row.n : sum), 0);

function engagementOf(rows: CounterRow[], taxonomy: FunnelTaxonomy): Engagement {
  const byDepth = sumBy(rows, 'deepest', (row) => row.bucket);
  const deepest = taxonomy.map((rule, index) => ({
    action: rule.action,
    clients: byDepth.get(String(index + 1)) ?? 0,
  }));
  const reached = total(rows, 'reached');
  const engaged = deepest.reduce((sum, level) => sum + level.clients, 0);
  return { reached, engaged, rate: reached === 0 ? null : engaged / reached, deepest };
}

function weeklyOf(rows: CounterRow[]) {
  const reached = sumBy(rows, 'weekReached', (row) => row.bucket);
  const engaged = sumBy(rows, 'weekEngaged', (row) => row.bucket);
  return [...reached.keys()].sort().map((week) => {
    const weekEngaged = engaged.get(week) ?? 0;
    const weekReached = reached.get(week)!;
    return {
      week: `${week}T00:00:00Z`,
      reached: weekReached,
      engaged: weekEngaged,
      rate: weekEngaged / weekReached,
    };
  });
}

const NODE_FIELDS: Record<string, 'reached' | 'sent' | 'delivered' | 'converted'> = {
  nodeReached: 'reached',
  nodeSent: 'sent',
  nodeDelivered: 'delivered',
  nodeConverted: 'converted',
};

function nodesOf(rows: CounterRow[], taxonomy: FunnelTaxonomy): Record<string, NodeFunnel> {
  const nodes: Record<string, NodeFunnel> = {};
  for (const row of rows) {
    const field = NODE_FIELDS[row.figure];
    if (field === undefined && row.figure !== 'nodeAction') continue;
    const node = (nodes[row.nodeId] ??= {
      reached: 0,
      sent: 0,
      delivered: 0,
      actions: taxonomy.map((rule) => ({ action: rule.action, count: 0, rate: null })),
      converted: 0,
      medianSecondsToConvert: null,
    });
    if (field !== undefined) node[field] += row.n;
    else {
      const level = node.actions.find((entry) => entry.action === row.bucket);
      if (level) level.count += row.n;
    }
  }
  for (const node of Object.values(nodes)) {
    for (const level of node.actions) level.rate = node.sent === 0 ? null : level.count / node.sent;
  }
  return nodes;
}

function timesOf(histogram: Map<string, number>): ConversionTimes {
  const conversions = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  // Bucket '': converted without an exit time — counted, but no value to place.
  const timed = [...histogram].filter(([bucket]) => bucket !== '');
  const buckets = new Map(timed.map(([bucket, n]) => [Number(bucket), n]));
  const [medianSeconds, p75Seconds, p90Seconds] = estimateQuantiles(buckets, [0.5, 0.75, 0.9]);
  return { conversions, medianSeconds: medianSeconds!, p75Seconds: p75Seconds!, p90Seconds: p90Seconds! };
}

async function timeToConvertOf(db: Executor, scope: ReportScope, rows: CounterRow[]): Promise<TimeToConvert> {
  if (total(rows, 'ttcEntry') <= EXACT_QUANTILE_LIMIT) return measureTimeToConvert(db, scope);
  const byBin = sumBy(rows, 'ttcBin', (row) => row.bucket);
  const histogram = TIME_TO_CONVERT_BIN_DAYS.map((fromDay, index) => ({
    fromDay,
    toDay: TIME_TO_CONVERT_BIN_DAYS[index + 1] ?? null,
    conversions: byBin.get(String(index + 1)) ?? 0,
  }));
  const nodeIds = new Set(rows.filter((row) => row.figure === 'ttcNode').map((row) => row.nodeId));
  const fromNode = Object.fromEntries(
    [...nodeIds].map((nodeId) => [
      nodeId,
      timesOf(
        sumBy(
          rows.filter((row) => row.nodeId === nodeId),
          'ttcNode',
          (row) => row.bucket,
        ),
      ),
    ]),
  );
  return { fromEntry: { ...timesOf(sumBy(rows, 'ttcEntry', (row) => row.bucket)), histogram }, fromNode };
}

function productsOf(rows: CounterRow[]): ProductAttribution {
  const lines = sumBy(rows, 'productLines', (row) => row.bucket);
  const purchases = sumBy(rows, 'productPurchases', (row) => row.bucket);
  const revenue = sumBy(rows, 'productRevenue', (row) => row.bucket);
  return Object.fromEntries(
    PRODUCT_MATCHES.map((match) => [
      match,
      {
        lines: lines.get(match) ?? 0,
        purchases: purchases.get(match) ?? 0,
        revenue: revenue.get(match) ?? 0,
      },
    ]),
  ) as ProductAttribution;
}

/** Figures of the clients a scope's messages reached: node '' holds the whole journey's, a node id its own. */
const MESSAGE_SCOPED_FIGURES = new Set(['reached', 'weekReached', 'deepest', 'weekEngaged', 'curve']);
/** Per-node figures of the node's messages: with `?node=`, only that node's messages are in scope. */
const NODE_MESSAGE_FIGURES = new Set(['nodeSent', 'nodeDelivered', 'nodeAction']);

/** The counter rows that make up `nodeId`'s report (the whole journey's when undefined). */
export function rowsForNode(rows: CounterRow[], nodeId: string | undefined): CounterRow[] {
  return rows.filter((row) => {
    if (MESSAGE_SCOPED_FIGURES.has(row.figure)) return row.nodeId === (nodeId ?? '');
    if (nodeId !== undefined && NODE_MESSAGE_FIGURES.has(row.figure)) return row.nodeId === nodeId;
    return true;
  });
}

/**
 * The same report as `buildJourneyReport`, read from the counters the refresher keeps (docs/metrics.md,
 * "Rollups") instead of scanning raw rows. Only for scopes the counters are keyed by: a journey, an
 * optional version and drawn node, an optional period of whole UTC days, the rollups' taxonomy version.
 */
export async function buildJourneyReportFromRollups(
  db: Executor,
  scope: ReportScope,
  taxonomy: { version: number; actions: FunnelTaxonomy },
  target: string,
): Promise<JourneyReport> {
  const rows = rowsForNode(
    await readReportCounters(db, {
      journeyId: scope.journeyId,
      version: scope.version,
      from: scope.from,
      to: scope.to,
      taxonomy: { version: taxonomy.version, attribution: scope.attribution },
    }),
    scope.nodeId,
  );
  const totals: JourneyTotals = {
    enrolled: total(rows, 'enrolled'),
    active: total(rows, 'active'),
    converted: total(rows, 'converted'),
    failed: total(rows, 'failed'),
    holdout: total(rows, 'holdout'),
  };
  const curveDays = new Map<number, number>();
  for (const row of rows) {
    if (row.figure !== 'curve') continue;
    const [action, day] = row.bucket.split('|');
    if (action === target) curveDays.set(Number(day), (curveDays.get(Number(day)) ?? 0) + row.n);
  }
  const curve = curveFromDays(
    target,
    [...curveDays].sort((a, b) => a[0] - b[0]).map(([day, clients]) => ({ day, clients })),
  );
  const nodes = nodesOf(rows, taxonomy.actions);
  const timeToConvert = await timeToConvertOf(db, scope, rows);
  for (const [nodeId, times] of Object.entries(timeToConvert.fromNode)) {
    const node = nodes[nodeId];
    if (node) node.medianSecondsToConvert = times.medianSeconds;
  }
  return {
    totals,
    engagement: engagementOf(rows, taxonomy.actions),
    weekly: weeklyOf(rows),
    curve,
    nodes,
    timeToConvert,
    products: productsOf(rows),
  };
}
