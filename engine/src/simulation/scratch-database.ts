import { migrateDatabase, openPgliteDatabase, sql, type Database } from '@touchpoint/db';

/**
 * Where simulated runs keep their rows: an in-memory PGlite database with the product's own schema,
 * never the database the reports read. A schema or a rolled-back transaction in the real database
 * would share its triggers (journey totals, report rollups), sequences and locks with live traffic,
 * and the worker's activities write on connections of their own, outside any one transaction; a
 * separate database shares nothing, and PGlite is already what `npm start` runs on without Postgres.
 *
 * Starting PGlite costs seconds (WebAssembly), so one instance is opened on first use and emptied
 * before each run; runs take turns (see `createSimulator`).
 */
export interface ScratchDatabase {
  db: Database;
  /** Empties every table a run writes or copies into, keeping what the migrations seeded. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Tables the migrations fill (built-in segments, the default taxonomy, rollup bookkeeping): kept. */
const SEEDED_TABLES = new Set([
  'funnel_taxonomies',
  'segments',
  'report_rollup_state',
  'segmentation_settings',
  'global_control_settings',
]);

export async function openScratchDatabase(): Promise<ScratchDatabase> {
  const opened = await openPgliteDatabase('memory://');
  await migrateDatabase(opened.db);
  const listed = (await opened.db.execute(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as unknown as { rows: { tablename: string }[] };
  const tables = listed.rows.map((row) => row.tablename).filter((name) => !SEEDED_TABLES.has(name));
  const truncate = sql.raw(
    `TRUNCATE ${tables.map((name) => `"${name}"`).join(', ')} RESTART IDENTITY CASCADE`,
  );
  return {
    db: opened.db,
    async reset() {
      await opened.db.execute(truncate);
    },
    close: opened.close,
  };
}
