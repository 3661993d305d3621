import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@touchpoint/db';
import { registerDatabaseGauges } from '@touchpoint/engine/observability/database-gauges';
import { createTouchpointMetrics } from '@touchpoint/engine/observability/metrics';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/paths';

const dashboard = JSON.parse(readFileSync(path.join(repoRoot, 'ops/grafana/touchpoint.json'), 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const expressions = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
const charted = new Set(
  expressions.flatMap((expr) =>
    [...expr.matchAll(/\btouchpoint_\w+/g)].map(([name]) => name.replace(/_(bucket|count|sum)$/, '')),
  ),
);

// The dashboard is only as good as the names it queries: a renamed metric must fail here, not on a
// dark panel in an operator's Grafana.
describe('the Grafana dashboard', () => {
  const metrics = createTouchpointMetrics();
  // Gauges read the database only when scraped; registering them needs none.
  registerDatabaseGauges(metrics, null as unknown as Database);
  const registered = metrics.registry.getMetricsAsArray().map((metric) => metric.name);

  it('queries only metrics Touchpoint exports', () => {
    expect([...charted].filter((name) => !registered.includes(name))).toEqual([]);
  });

  it('charts every metric Touchpoint exports', () => {
    expect(registered.filter((name) => !charted.has(name))).toEqual([]);
  });

  it('charts the Temporal SDK worker metrics: task latency, sticky cache, slots', () => {
    const all = expressions.join(' ');
    for (const name of [
      'temporal_workflow_task_schedule_to_start_latency',
      'temporal_sticky_cache_size',
      'temporal_worker_task_slots_available',
    ])
      expect(all).toContain(name);
  });
});
