import type { SQL } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';

/**
 * Runs a raw query and returns its rows. node-postgres and PGlite both answer `{ rows }`; reports are
 * plain SQL (docs/metrics.md gives each figure as SQL), so they read through this one door.
 */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
