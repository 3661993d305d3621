import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../database';
import * as schema from '../schema';

/** Raised when another live holder has the lease; try again once it is done. */
export class LeaseBusyError extends Error {
  constructor(readonly key: string) {
    super(`another worker is still working on ${key}`);
    this.name = 'LeaseBusyError';
  }
}

const heldInThisProcess = new Set<string>();

/**
 * Runs `work` while holding an exclusive lease on `key`, on a database handle bound to the lease's own
 * connection; throws `LeaseBusyError` when someone else holds it.
 *
 * On PostgreSQL the lease is a session advisory lock: when its holder dies (SIGKILL, lost host) the
 * connection closes and the server frees the lock at once, so the lease lasts exactly as long as the
 * holder lives — no timeout to guess. `work` runs all its queries on that one connection, so a pool
 * full of lease holders can never deadlock waiting for a second connection. PGlite is a single
 * in-process session: there a set in memory gives the same exclusion.
 */
export async function withExclusiveLease<T>(
  db: Database,
  key: string,
  work: (leased: Database) => Promise<T>,
): Promise<T> {
  const client = (db as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? withAdvisoryLock(client, key, work) : withInProcessLock(db, key, work);
}

async function withAdvisoryLock<T>(
  pool: pg.Pool,
  key: string,
  work: (leased: Database) => Promise<T>,
): Promise<T> {
  const connection = await pool.connect();
  // A session that dies while held (server restart, terminated backend) emits 'error' on the client;
  // unheard, it would crash the worker. The next query on it fails and says why, which is enough.
  const ignoreDeadSession = () => undefined;
  connection.on('error', ignoreDeadSession);
  try {
    const { rows } = await connection.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [key],
    );
    if (!rows[0]?.locked) throw new LeaseBusyError(key);
  } catch (error) {
    connection.off('error', ignoreDeadSession);
    connection.release(error instanceof LeaseBusyError ? undefined : asError(error));
    throw error;
  }
  try {
    return await work(drizzle(connection, { schema }));
  } finally {
    try {
      await connection.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      connection.release();
    } catch (error) {
      // Destroying the connection frees the lock as surely as unlocking it.
      connection.release(asError(error));
    } finally {
      connection.off('error', ignoreDeadSession);
    }
  }
}

async function withInProcessLock<T>(
  db: Database,
  key: string,
  work: (leased: Database) => Promise<T>,
): Promise<T> {
  if (heldInThisProcess.has(key)) throw new LeaseBusyError(key);
  heldInThisProcess.add(key);
  try {
    return await work(db);
  } finally {
    heldInThisProcess.delete(key);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
