import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseBusyError, openDatabase, withExclusiveLease, type OpenDatabase } from '@touchpoint/db';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// Two pools stand for two worker processes: the lease must hold across them, not just in memory.
let testDb: TestDatabase;
let workerA: OpenDatabase;
let workerB: OpenDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  workerA = openDatabase(testDb.url);
  workerB = openDatabase(testDb.url);
});

afterAll(async () => {
  await Promise.all([workerA.close(), workerB.close()]);
  await testDb.close();
});

describe('an exclusive lease', () => {
  it('keeps a second process out while the first holds it, and lets it in afterwards', async () => {
    let letGo!: () => void;
    const holding = new Promise<void>((resolve) => (letGo = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = withExclusiveLease(workerA.db, 'visit-1', async () => {
      entered();
      await holding;
      return 'first';
    });
    await inside;
    await expect(withExclusiveLease(workerB.db, 'visit-1', async () => 'second')).rejects.toBeInstanceOf(
      LeaseBusyError,
    );
    expect(await withExclusiveLease(workerB.db, 'visit-2', async () => 'other key')).toBe('other key');
    letGo();
    expect(await first).toBe('first');
    expect(await withExclusiveLease(workerB.db, 'visit-1', async () => 'second')).toBe('second');
  });

  it("is freed the moment its holder's session dies, with no timeout to wait out", async () => {
    const doomed = openDatabase(testDb.url);
    let died!: (pid: number) => void;
    const death = new Promise<number>((resolve) => (died = resolve));
    let finish!: () => void;
    const afterTakeover = new Promise<void>((resolve) => (finish = resolve));
    const holder = withExclusiveLease(doomed.db, 'visit-3', async (leased, leaseLost) => {
      const result = (await leased.execute(sql`SELECT pg_backend_pid() AS pid`)) as {
        rows: { pid: number }[];
      };
      const [row] = result.rows;
      // What SIGKILL does to a worker's connections, seen from the server: the session ends.
      await workerB.db.execute(sql`SELECT pg_terminate_backend(${row!.pid})`);
      died(row!.pid);
      await afterTakeover;
      return leaseLost.aborted ? 'holder knows its lease is gone' : 'holder thinks it still holds';
    });
    const pid = await death;
    // Terminating only signals the backend; once its session is gone, its locks must be too.
    await expect
      .poll(async () => {
        const alive = (await workerB.db.execute(
          sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`,
        )) as { rows: { n: number }[] };
        return alive.rows[0]!.n;
      })
      .toBe(0);
    expect(await withExclusiveLease(workerB.db, 'visit-3', async () => 'taken over')).toBe('taken over');
    finish();
    // The holder's process survives its session's death, and is told, so it starts no more sends.
    expect(await holder).toBe('holder knows its lease is gone');
    await doomed.close();
  });

  it('runs the work on the lease holder connection, so a full pool cannot deadlock', async () => {
    const tiny = openDatabase(testDb.url, { maxConnections: 2 });
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          withExclusiveLease(tiny.db, `visit-pool-${i}`, async (leased) => {
            await leased.execute(sql`SELECT pg_sleep(0.05)`);
            return i;
          }),
        ),
      );
      expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      await tiny.close();
    }
  });
});
