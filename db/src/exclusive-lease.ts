import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from './database';
import * as schema from './schema';

/** Raised when another live holder has the lease; try again once it is done. */
export class LeaseBusyError extends Error {
  constructor(readonly key: string) {
    super(`another worker is still working on ${key}`);
    this.name = 'LeaseBusyError';
  }
}

/** Work done under a lease: a handle on the lease's own connection, and a signal that it was lost. */
export type LeasedWork<T> = (leased: Database, leaseLost: AbortSignal) => Promise<T>;

// PGlite is one session in this process: keys held per database instance.
const heldInProcess = new WeakMap<object, Set<string>>();

/**
 * Runs `work` while holding an exclusive lease on `key`; throws `LeaseBusyError` when someone else
 * holds it.
 *
 * On PostgreSQL the lease is a session advisory lock on a connection of its own: when its holder
 * dies (SIGKILL, lost host) the connection closes and the server frees the lock at once, so the lease
 * lasts exactly as long as the holder lives — no timeout to guess. `work` runs its queries on that
 * connection, so a pool full of lease holders cannot deadlock waiting for a second one. If the
 * connection dies while the holder lives (server restart), the lock is gone: `leaseLost` fires, and
 * the holder must not start anything the lease was meant to guard. PGlite is a single in-process
 * session, so there a set in memory gives the same exclusion.
 */
export async function withExclusiveLease<T>(db: Database, key: string, work: LeasedWork<T>): Promise<T> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return withAdvisoryLock(client, key, work);
  if (client instanceof PGlite) return withInProcessLock(client, db, key, work);
  throw new Error('withExclusiveLease needs a database opened by openDatabase or openPgliteDatabase');
}

async function withAdvisoryLock<T>(pool: pg.Pool, key: string, work: LeasedWork<T>): Promise<T> {
  const connection = await pool.connect();
  const lost = new AbortController();
  // A session that dies while held emits 'error' on the client; unheard, it would crash the worker.
  const onConnectionLost = (error?: Error) => lost.abort(error ?? new Error('lease connection ended'));
  connection.on('error', onConnectionLost);
  connection.on('end', onConnectionLost);
  try {
    const { rows } = await connection.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [key],
    );
    if (!rows[0]?.locked) throw new LeaseBusyError(key);
  } catch (error) {
    stopListening();
    connection.release(error instanceof LeaseBusyError ? undefined : asError(error));
    throw error;
  }
  try {
    return await work(drizzle(connection, { schema }), lost.signal);
  } finally {
    try {
      await connection.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      connection.release();
    } catch (error) {
      // Destroying the connection frees the lock as surely as unlocking it.
      connection.release(asError(error));
    } finally {
      stopListening();
    }
  }

  function stopListening() {
    connection.off('error', onConnectionLost);
    connection.off('end', onConnectionLost);
  }
}

async function withInProcessLock<T>(
  instance: object,
  db: Database,
  key: string,
  work: LeasedWork<T>,
): Promise<T> {
  const held = heldInProcess.get(instance) ?? new Set<string>();
  heldInProcess.set(instance, held);
  if (held.has(key)) throw new LeaseBusyError(key);
  held.add(key);
  try {
    return await work(db, new AbortController().signal);
  } finally {
    held.delete(key);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
