import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** The drizzle schema object every database handle is opened with (enables `db.query.<table>`). */
export type Schema = typeof schema;

/**
 * A drizzle database handle, typed on drizzle's driver-independent base class so node-postgres (servers,
 * tests) and PGlite (the zero-install demo) both fit.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction or the database itself: queries accept either so callers can compose them atomically. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/** An open database plus the function that releases its pool / embedded instance. */
export interface OpenDatabase {
  db: Database;
  close: () => Promise<void>;
}
