import { openDatabase, sql, type Database } from '@touchpoint/db';
import { refreshReportRollups } from '@touchpoint/domain';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createTestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';

/**
 * Reports at scale: a journey with `clients` enrollments, 10 node visits and 10 funnel actions per
 * enrollment (at 1,000,000 clients: 10,000,000 each, the issue-13 volume) and 3 messages each, generated with
 * generate_series; the rollups are then built by the same refresh passes the API runs. Each report's
 * median latency through the HTTP stack is set beside a raw `count(*)` over the same rows, same run.
 */
export interface ReportBenchmarkResult {
  clients: number;
  generateSeconds: number;
  rollupBuildSeconds: number;
  rawCountMs: number;
  /** Median ms per report, and raw count ÷ report (how many times faster than merely counting). */
  reports: { name: string; medianMs: number; speedUp: number }[];
}

/** Entries fall on 180 days from 2024-01-01; the periods the bench cuts reports by. */
const PERIOD_30 = 'from=2024-02-01T00:00:00Z&to=2024-03-02T00:00:00Z';
const PERIOD_90 = 'from=2024-03-01T00:00:00Z&to=2024-05-30T00:00:00Z';
const PERIOD_ALL = 'from=2024-01-01T00:00:00Z&to=2024-07-01T00:00:00Z';

const NODES = Array.from({ length: 10 }, (_, i) => `n${i}`);
/** Steps that send (one message each), the rest wait. */
const SENDS = new Set(['n1', 'n4', 'n7']);

export const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signup' } } } },
    ...NODES.map((id) =>
      SENDS.has(id)
        ? { id, kind: 'send', config: { channels: ['email'], templateId: 'bench' } }
        : { id, kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    ),
  ],
  edges: NODES.map((id, i) => ({
    id: `e${i}`,
    source: i === 0 ? 'entry' : NODES[i - 1]!,
    sourcePort: 'out',
    target: id,
  })),
  goal: { name: 'Purchase', event: { type: 'purchase', filters: [] } },
  settings: {},
  layout: {},
};

/**
 * Bulk rows for one journey, set-based (generate_series) straight into the tables; triggers are off
 * for the load (the rollups' rebuild counts every client). Each statement is bounded by
 * `limitSeconds` (statement_timeout) and prints a progress line.
 */
export async function generate(db: Database, journeyId: string, clients: number, limitSeconds = 3_600) {
  const nodes = `{${NODES.join(',')}}`;
  const types = '{email.opened,email.clicked,call.reached,meeting.booked,booking.completed,deal.closed}';
  const statements = [
    sql.raw(`set statement_timeout = ${Math.round(limitSeconds * 1000)}`),
    sql`set session_replication_role = replica`,
    sql`insert into clients (id, external_id)
      select md5('c' || i)::uuid, 'bench-' || i from generate_series(1, ${clients}) i`,
    sql`insert into enrollments (id, journey_id, journey_version, client_id, workflow_id, status, source,
        entered_at, exited_at, exit_reason, is_holdout)
      select md5('e' || i)::uuid, ${journeyId}, 1, md5('c' || i)::uuid, 'bench-wf-' || i,
        case when i % 5 = 0 then 'completed' when i % 50 = 1 then 'failed' else 'active' end, 'event',
        timestamptz '2024-01-01' + (i % 180) * interval '1 day',
        case when i % 5 = 0 then timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (i % 97) * interval '7 hours' end,
        case when i % 5 = 0 then 'converted' end, i % 20 = 7
      from generate_series(1, ${clients}) i`,
    sql`insert into node_visits (enrollment_id, journey_id, journey_version, node_id, visit_seq, entered_at, left_at, outcome)
      select md5('e' || i)::uuid, ${journeyId}, 1, (${nodes}::text[])[k + 1], k,
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + k * interval '1 hour',
        case when k < 9 then timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (k + 1) * interval '1 hour' end,
        case when k = 9 and i % 50 = 1 then 'failed' end
      from generate_series(1, ${clients}) i, generate_series(0, 9) k`,
    sql`insert into messages (id, idempotency_key, client_id, enrollment_id, journey_id, journey_version, node_id,
        channel, status, sent_at)
      select md5('m' || i || '-' || k)::uuid, 'bench-m-' || i || '-' || k, md5('c' || i)::uuid, md5('e' || i)::uuid,
        ${journeyId}, 1, (array['n1','n4','n7'])[k + 1], 'email',
        case when (i + k) % 3 = 0 then 'opened' else 'delivered' end,
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (3 * k + 1) * interval '1 hour'
      from generate_series(1, ${clients}) i, generate_series(0, 2) k`,
    sql`insert into events (client_id, type, occurred_at, idempotency_key, message_id, routed_at)
      select md5('c' || i)::uuid, (${types}::text[])[1 + (i + k) % 6],
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (2 + k * (1 + i % 5)) * interval '7 hours',
        'bench-a-' || i || '-' || k,
        case when (i + k) % 6 = 0 then md5('m' || i || '-' || (k % 3))::uuid end, now()
      from generate_series(1, ${clients}) i, generate_series(0, 9) k`,
    sql`insert into purchases (id, client_id, idempotency_key, purchased_at, value)
      select md5('p' || i)::uuid, md5('c' || i)::uuid, 'bench-p-' || i,
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (i % 97) * interval '7 hours', 60
      from generate_series(5, ${clients}, 5) i`,
    sql`insert into purchase_lines (purchase_id, sku, quantity, unit_price)
      select md5('p' || i)::uuid, 'sku-lamp', 1, 60 from generate_series(5, ${clients}, 5) i`,
    sql`set session_replication_role = origin`,
    sql`analyze`,
    sql`set statement_timeout = 0`,
  ];
  const begun = performance.now();
  for (const [index, statement] of statements.entries()) {
    const start = performance.now();
    await db.execute(statement);
    const seconds = (performance.now() - start) / 1000;
    if (seconds > 1)
      progress(
        `generate step ${index + 1}/${statements.length}: ${seconds.toFixed(0)} s ` +
          `(${((performance.now() - begun) / 1000).toFixed(0)} s so far)`,
      );
  }
}

const progress = (line: string) => process.stderr.write(`[bench] report: ${line}\n`);

/**
 * The rollups built by the refresher's own passes (the rebuild the migration schedules), with
 * progress every ~10 s; gives up past `limitSeconds` so a slow machine ends the bench instead of
 * hanging it (REPORT_BENCH_BUILD_LIMIT_S, default 2 h).
 */
async function buildRollups(db: Database, clients: number, limitSeconds: number): Promise<void> {
  const start = performance.now();
  let built = 0;
  let lastPrint = start;
  for (;;) {
    const pass = await refreshReportRollups(db, 5_000);
    built += pass.rebuilt;
    const now = performance.now();
    if (pass.isRebuildDone && pass.refreshed === 0) return;
    if (now - lastPrint > 10_000) {
      const rate = built / ((now - start) / 1000);
      progress(`rollups: ${built}/${clients} clients, ${rate.toFixed(0)} clients/s`);
      lastPrint = now;
    }
    if ((now - start) / 1000 > limitSeconds)
      throw new Error(`rollup build past ${limitSeconds} s at ${built}/${clients} clients`);
  }
}

async function medianMs(run: () => Promise<unknown>, times: number): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export async function runReportBenchmark(clients: number, runs = 7): Promise<ReportBenchmarkResult> {
  const testDatabase = await createTestDatabase();
  // One connection for the load: `session_replication_role` is a session setting.
  const loader = openDatabase(testDatabase.url, { maxConnections: 1 });
  const { db, close } = openDatabase(testDatabase.url, { maxConnections: 8 });
  const app = await buildApp({ db, config: { adminKey: 'bench' } });
  try {
    const journeyId = await insertPublishedJourney(db, DEFINITION, 'report bench');
    const generateStart = performance.now();
    await generate(loader.db, journeyId, clients, Number(process.env.REPORT_BENCH_GENERATE_LIMIT_S ?? 3_600));
    const generateSeconds = (performance.now() - generateStart) / 1000;
    progress(`${clients} clients generated in ${generateSeconds.toFixed(0)} s`);
    const buildStart = performance.now();
    await buildRollups(db, clients, Number(process.env.REPORT_BENCH_BUILD_LIMIT_S ?? 7_200));
    const rollupBuildSeconds = (performance.now() - buildStart) / 1000;
    progress(`rollups built in ${rollupBuildSeconds.toFixed(0)} s`);
    const rawCountMs = await medianMs(
      () =>
        db.execute(sql`select (select count(*) from enrollments where journey_id = ${journeyId})
          + (select count(*) from node_visits where journey_id = ${journeyId})
          + (select count(*) from events where type in ('email.opened', 'email.clicked', 'call.reached',
              'meeting.booked', 'booking.completed', 'deal.closed'))`),
      3,
    );
    const get = (url: string) => async () => {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer bench' } });
      const body = response.json<{ source?: { servedFrom: string } }>();
      if (response.statusCode !== 200 || body.source?.servedFrom !== 'rollups')
        throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    };
    const reports: ReportBenchmarkResult['reports'] = [];
    for (const [name, url] of [
      ['GET /stats', `/v1/journeys/${journeyId}/stats`],
      ['GET /stats?version=1', `/v1/journeys/${journeyId}/stats?version=1`],
      ['GET /report (last touch)', `/v1/journeys/${journeyId}/report`],
      ['GET /report?attribution=first', `/v1/journeys/${journeyId}/report?attribution=first`],
      ['GET /report?attribution=every', `/v1/journeys/${journeyId}/report?attribution=every`],
      ['GET /report?version=1&target=booking', `/v1/journeys/${journeyId}/report?version=1&target=booking`],
      ['GET /report?node=n4 (one step)', `/v1/journeys/${journeyId}/report?node=n4`],
      // Periods of whole UTC days answer from the counters' day rows (docs/metrics.md, "Periods").
      ['GET /stats, 30-day period', `/v1/journeys/${journeyId}/stats?${PERIOD_30}`],
      ['GET /report, 30-day period', `/v1/journeys/${journeyId}/report?${PERIOD_30}`],
      [
        'GET /report, 90-day period, every',
        `/v1/journeys/${journeyId}/report?${PERIOD_90}&attribution=every`,
      ],
      ['GET /report, whole 180 days as a period', `/v1/journeys/${journeyId}/report?${PERIOD_ALL}`],
    ] as const) {
      const ms = await medianMs(get(url), runs);
      reports.push({ name, medianMs: ms, speedUp: rawCountMs / ms });
    }
    return { clients, generateSeconds, rollupBuildSeconds, rawCountMs, reports };
  } finally {
    await app.close();
    await loader.close();
    await close();
    await testDatabase.close();
  }
}
