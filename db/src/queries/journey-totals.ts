import { sql } from 'drizzle-orm';
import type { Database } from '../database';

/**
 * Recounts one journey's `journey_totals` stripes from its enrollments, as the backfill migration does
 * for every journey. The product keeps the rollup in the transactions that change statuses; this is
 * the repair for enrollments written around it (a bulk import, a hand-made fixture).
 */
export async function recountJourneyTotals(db: Database, journeyId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM journey_totals WHERE journey_id = ${journeyId}`);
    await tx.execute(sql`
      INSERT INTO journey_totals (journey_id, stripe, enrolled, active, completed, converted, exited, failed)
      SELECT journey_id, get_byte(uuid_send(id), 0) % 16, count(*),
        count(*) FILTER (WHERE status = 'active'),
        count(*) FILTER (WHERE status = 'completed'),
        count(*) FILTER (WHERE status = 'completed' AND exit_reason = 'converted'),
        count(*) FILTER (WHERE status = 'exited'),
        count(*) FILTER (WHERE status = 'failed')
      FROM enrollments WHERE journey_id = ${journeyId} GROUP BY 1, 2`);
  });
}
