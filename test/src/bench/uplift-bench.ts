import { DEFAULT_FUNNEL_TAXONOMY } from '@touchpoint/language';
import { openDatabase, sql, type Database } from '@touchpoint/db';
import { recomputeClientUpliftRollups } from '@touchpoint/domain';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createTestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';

/**
 * Uplift at scale (issue 14: a journey with 1,000,000 enrollments answers in under 300 ms): one
 * enrollment per client in 9 strata (3 regions × 3 spend buckets), a 20 % holdout, 3 node visits, 2
 * funnel actions and a purchase for every third client, generated with generate_series. The uplift
 * rollups are built by the same set-based recompute the refresher runs, in batches of clients; then
 * each uplift read's median latency through the HTTP stack is set beside the same read counted from
 * raw rows (a period spanning everything), in the same run.
 */
export interface UpliftBenchmarkResult {
  enrollments: number;
  generateSeconds: number;
  rollupBuildSeconds: number;
  reads: { name: string; medianMs: number; rawMs: number; rawRuns: number }[];
}

const NODES = ['n0', 'n1', 'n2'];

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    ...NODES.map((id) => ({ id, kind: 'send', config: { channels: ['email'], templateId: 'bench' } })),
  ],
  edges: NODES.map((id, i) => ({
    id: `e${i}`,
    source: i === 0 ? 'entry' : NODES[i - 1]!,
    sourcePort: 'sent',
    target: id,
  })),
  goal: { name: 'Order', event: { type: 'order', filters: [] } },
  settings: {
    holdout: {
      share: 0.2,
      strata: [
        { kind: 'attribute', name: 'region' },
        { kind: 'factBucket', fact: 'totalValue', bounds: [100, 500] },
      ],
    },
  },
  layout: {},
};

const progress = (line: string) => process.stderr.write(`[bench] uplift: ${line}\n`);

/** Bulk rows; triggers off for the load (the rollups are built below, for every client). */
async function generate(db: Database, journeyId: string, n: number) {
  const statements = [
    sql`set session_replication_role = replica`,
    sql`insert into clients (id, external_id, attributes)
      select md5('c' || i)::uuid, 'bench-' || i, jsonb_build_object('region', (array['EU','US','RU'])[1 + i % 3])
      from generate_series(1, ${n}) i`,
    sql`insert into enrollments (id, journey_id, journey_version, client_id, workflow_id, status, source,
        entered_at, exited_at, exit_reason, is_holdout, control_group, stratum)
      select md5('e' || i)::uuid, ${journeyId}, 1, md5('c' || i)::uuid, 'bench-wf-' || i,
        case when i % 7 = 0 then 'completed' else 'active' end, 'manual',
        timestamptz '2024-01-01' + (i % 180) * interval '1 day',
        case when i % 7 = 0 then timestamptz '2024-01-03' + (i % 180) * interval '1 day' end,
        case when i % 7 = 0 then 'converted' end,
        i % 5 = 2, case when i % 5 = 2 then 'journey' end,
        'region=' || (array['EU','US','RU'])[1 + i % 3] || '|totalValue=' || (array['<100','100–500','≥500'])[1 + (i / 3) % 3]
      from generate_series(1, ${n}) i`,
    sql`insert into node_visits (enrollment_id, journey_id, journey_version, node_id, visit_seq, entered_at)
      select md5('e' || i)::uuid, ${journeyId}, 1, 'n' || k, k,
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + k * interval '1 hour'
      from generate_series(1, ${n}) i, generate_series(0, 2) k`,
    sql`insert into events (client_id, type, occurred_at, idempotency_key, routed_at)
      select md5('c' || i)::uuid, (array['email.opened','email.clicked','deal.closed','booking.completed'])[1 + (i + k) % 4],
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (1 + k * 3 + i % 4) * interval '1 day',
        'bench-a-' || i || '-' || k, now()
      from generate_series(1, ${n}) i, generate_series(0, 1) k`,
    sql`insert into purchases (id, client_id, idempotency_key, purchased_at, value)
      select md5('p' || i)::uuid, md5('c' || i)::uuid, 'bench-p-' || i,
        timestamptz '2024-01-01' + (i % 180) * interval '1 day' + (i % 40) * interval '1 day', 20 + i % 200
      from generate_series(3, ${n}, 3) i`,
    sql`set session_replication_role = origin`,
    sql`analyze`,
  ];
  for (const [index, statement] of statements.entries()) {
    const start = performance.now();
    await db.execute(statement);
    const seconds = (performance.now() - start) / 1000;
    if (seconds > 1) progress(`generate step ${index + 1}/${statements.length} took ${seconds.toFixed(0)} s`);
  }
}

/**
 * Every client's uplift contributions, by the refresher's recompute, `batch` clients per transaction
 * in id order. Only the uplift's: the report rollups have their own bench (`report`), so the state is
 * then marked built, as the rebuild's last pass would.
 */
async function buildUpliftRollups(db: Database, batch: number): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  let built = 0;
  const start = performance.now();
  for (;;) {
    const rows = (await db.execute(
      sql`select id from clients where id > ${after}::uuid order by id limit ${batch}`,
    )) as unknown as { rows: { id: string }[] };
    const ids = rows.rows.map((r) => r.id);
    if (ids.length === 0) break;
    await db.transaction((tx) => recomputeClientUpliftRollups(tx, ids, DEFAULT_FUNNEL_TAXONOMY, 1));
    built += ids.length;
    after = ids.at(-1)!;
    const seconds = (performance.now() - start) / 1000;
    progress(`rollups: ${built} clients, ${(built / seconds).toFixed(0)} clients/s`);
  }
  await db.execute(sql`update report_rollup_state set rebuild_after = null, is_ready = true,
    is_base_ready = true, taxonomy_version = 1 where id = 1`);
}

async function timeMs(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export async function runUpliftBenchmark(
  enrollments: number,
  { runs = 7, rawRuns = enrollments > 200_000 ? 1 : 3 } = {},
): Promise<UpliftBenchmarkResult> {
  const testDatabase = await createTestDatabase();
  // One connection for the load: `session_replication_role` is a session setting.
  const loader = openDatabase(testDatabase.url, { maxConnections: 1 });
  const { db, close } = openDatabase(testDatabase.url, { maxConnections: 8 });
  const app = await buildApp({ db, config: { adminKey: 'bench' } });
  try {
    const journeyId = await insertPublishedJourney(db, DEFINITION, 'uplift bench');
    const generateStart = performance.now();
    await generate(loader.db, journeyId, enrollments);
    const generateSeconds = (performance.now() - generateStart) / 1000;
    progress(`${enrollments} enrollments generated in ${generateSeconds.toFixed(0)} s`);
    const buildStart = performance.now();
    await buildUpliftRollups(db, 25_000);
    const rollupBuildSeconds = (performance.now() - buildStart) / 1000;
    progress(`uplift rollups built in ${rollupBuildSeconds.toFixed(0)} s`);
    const read = (url: string, servedFrom: 'rollups' | 'raw') => async () => {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer bench' } });
      const body = response.json<{ source?: { servedFrom: string }; treatedClients?: number }>();
      if (response.statusCode !== 200 || body.source?.servedFrom !== servedFrom)
        throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      return body;
    };
    const base = `/v1/journeys/${journeyId}/uplift`;
    const everything = 'from=1970-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';
    const reads: UpliftBenchmarkResult['reads'] = [];
    for (const [name, query] of [
      ['GET /uplift', ''],
      ['GET /uplift?action=click', 'action=click'],
      ['GET /uplift?node=n2', 'node=n2'],
      ['GET /uplift?version=1', 'version=1'],
    ] as const) {
      const rolled = read(`${base}?${query}`, 'rollups');
      const raw = read(`${base}?${query}&${everything}`, 'raw');
      // The first raw read is timed too (at a million enrollments one takes minutes): it is the
      // baseline's first sample and the check that both roads give the same arms.
      const fromRollups = await rolled();
      const rawStart = performance.now();
      const fromRaw = await raw();
      const firstRawMs = performance.now() - rawStart;
      if (fromRollups.treatedClients !== fromRaw.treatedClients)
        throw new Error(`${name}: rollups and raw rows disagree`);
      const medianMs = await timeMs(rolled, runs);
      const rawMs = rawRuns <= 1 ? firstRawMs : await timeMs(raw, rawRuns);
      progress(`${name}: ${medianMs.toFixed(1)} ms from rollups, ${rawMs.toFixed(0)} ms raw`);
      reads.push({ name, medianMs, rawMs, rawRuns });
    }
    return { enrollments, generateSeconds, rollupBuildSeconds, reads };
  } finally {
    await app.close();
    await loader.close();
    await close();
    await testDatabase.close();
  }
}
