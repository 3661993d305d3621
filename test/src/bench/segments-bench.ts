import { openDatabase, sql } from '@touchpoint/db';
import { recomputeSegments, recordPurchases } from '@touchpoint/domain';
import { createTestDatabase } from '../harness/database';

/** What the segmentation benchmark measured. */
export interface SegmentsBenchmarkResult {
  clients: number;
  purchases: number;
  fullRecomputeSeconds: number;
  transitions: number;
  /** The next day's recompute: the same base a day on, the few clients who moved. */
  dailyRecomputeSeconds: number;
  dailyTransitions: number;
  rawGroupBySeconds: number;
  incrementalMedianMs: number;
  /** Baseline of the incremental update: one client's count / sum / last purchase, by its external id. */
  rawSingleClientMedianMs: number;
}

const DAY_MS = 86_400_000;

/**
 * A full recompute for `clients` clients with 10 purchases each (the first: every client enters a cell,
 * a stage and maybe overdue), then the next day's (few move), beside a raw `GROUP BY` aggregate of the
 * same purchases in the same run, and the median of a purchase's incremental update (one client,
 * `POST /v1/purchases`'s domain function in its own transaction) beside the median of a raw aggregate
 * of one client's purchases. Data is written with set-based SQL
 * (facts as the per-purchase refresh would leave them), so the setup is not what is measured.
 */
export async function runSegmentsBenchmark(clients: number): Promise<SegmentsBenchmarkResult> {
  const testDatabase = await createTestDatabase();
  const { db, close } = openDatabase(testDatabase.url);
  const asOf = new Date('2025-01-01T00:00:00Z');
  try {
    await db.execute(
      sql`insert into clients (external_id) select 'bench-' || g from generate_series(1, ${clients}) g`,
    );
    await db.execute(sql`
      insert into purchases (client_id, idempotency_key, purchased_at, value)
      select c.id, c.external_id || ':' || n, ${asOf.toISOString()}::timestamptz - ((n * 37 + hashtext(c.external_id) % 30 + 30) || ' days')::interval, 5 + (n * 13 + abs(hashtext(c.external_id)) % 200)
      from clients c cross join generate_series(1, 10) n`);
    await db.execute(sql`
      insert into client_facts (client_id, purchase_count, total_value, average_value, first_purchase_at, last_purchase_at, interval_count, interval_sum_days, mean_interval_days)
      select client_id, count(*), sum(value), avg(value), min(purchased_at), max(purchased_at), count(*) - 1,
        extract(epoch from max(purchased_at) - min(purchased_at)) / 86400,
        extract(epoch from max(purchased_at) - min(purchased_at)) / 86400 / greatest(count(*) - 1, 1)
      from purchases group by client_id`);
    await db.execute(sql`analyze`);

    const rawStart = performance.now();
    await db.execute(
      sql`select client_id, count(*), sum(value), max(purchased_at) from purchases group by client_id`,
    );
    const rawGroupBySeconds = (performance.now() - rawStart) / 1000;

    const fullStart = performance.now();
    const report = await recomputeSegments(db, { asOf });
    const fullRecomputeSeconds = (performance.now() - fullStart) / 1000;

    const dailyStart = performance.now();
    const daily = await recomputeSegments(db, { asOf: new Date(asOf.getTime() + DAY_MS) });
    const dailyRecomputeSeconds = (performance.now() - dailyStart) / 1000;

    const samples: number[] = [];
    for (let i = 1; i <= 51; i += 1) {
      const started = performance.now();
      await db.transaction((tx) =>
        recordPurchases(
          tx,
          [
            {
              idempotencyKey: `bench-incremental-${i}`,
              clientExternalId: `bench-${i}`,
              purchasedAt: new Date(asOf.getTime() + 2 * DAY_MS),
              value: 42,
            },
          ],
          new Date(asOf.getTime() + 2 * DAY_MS),
        ),
      );
      samples.push(performance.now() - started);
    }
    // The same clients' raw aggregate, the least any update must read: one round trip, one index walk.
    const rawSamples: number[] = [];
    for (let i = 1; i <= 51; i += 1) {
      const started = performance.now();
      await db.execute(
        sql`select count(*), sum(p.value), max(p.purchased_at) from purchases p join clients c on c.id = p.client_id where c.external_id = ${`bench-${i}`}`,
      );
      rawSamples.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return {
      clients,
      purchases: clients * 10,
      fullRecomputeSeconds,
      transitions: report.transitions,
      dailyRecomputeSeconds,
      dailyTransitions: daily.transitions,
      rawGroupBySeconds,
      incrementalMedianMs: median(samples),
      rawSingleClientMedianMs: median(rawSamples),
    };
  } finally {
    await close();
    await testDatabase.close();
  }
}
