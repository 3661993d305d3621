import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { OpenDatabase } from './database';
import * as schema from './schema';

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Pool size; the ingest path holds one connection per in-flight batch. */
  maxConnections?: number;
}

/** Opens a node-postgres pool on `url` (a `postgres://` connection string). */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection the server drops (a restart, a failover) emits 'error' on the pool; unheard, it
  // would crash the process. The pool discards that connection and the next query opens a new one.
  pool.on('error', () => undefined);
  // The same for a connection in use: the server ending it (a restart, pg_terminate_backend) fails the
  // query it was running, which its caller sees; the client's own 'error' event must not crash us too.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzleNodePg(pool, { schema });
  return { db, close: () => pool.end() };
}

/**
 * Opens an embedded PGlite database persisted in `dir` (`memory://` for a throwaway one), with the
 * contrib extensions the migrations create (pg_trgm: the client search index).
 */
export async function openPgliteDatabase(dir: string): Promise<OpenDatabase> {
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema });
  return { db, close: () => client.close() };
}
