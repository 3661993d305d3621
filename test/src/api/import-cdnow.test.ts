import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { openDatabase } from '@touchpoint/db';
import type { OpenDatabase } from '@touchpoint/db';
import { clientFacts, clients, count, eq, events, isNull, purchases, sql } from '@touchpoint/db';
import { DEFAULT_CDNOW_FILE, importCdnow } from '@touchpoint/engine/cli/import-cdnow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/database';
import type { TestDatabase } from '../harness/database';

const LIMIT = 300;

/**
 * The expected figures, computed here straight from the file (split on whitespace, no code shared with
 * the importer): the first 300 customers (ids 00001…00300, the log is sorted by id) placed 1,046 orders
 * worth $36,214.03 in all. Customer 00003 bought 6 times between 1997-01-02 and 1998-05-28 for $156.46,
 * with intervals 87, 3, 227, 10 and 184 days, so seed 004's running mean is 511 / 5 = 102.2 days.
 */
function readSlice(limit: number) {
  const rows = gunzipSync(readFileSync(DEFAULT_CDNOW_FILE))
    .toString('utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length === 4 && Number(cells[0]) <= limit);
  const cents = rows.reduce((sum, cells) => sum + Math.round(Number(cells[3]) * 100), 0);
  return { rows, cents };
}

describe('CDNOW import', () => {
  let testDatabase: TestDatabase;
  let database: OpenDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    database = openDatabase(testDatabase.url);
  });
  afterAll(async () => {
    await database.close();
    await testDatabase.close();
  });

  it('stores the first 300 customers with every order, and their smart-trigger facts', async () => {
    const expected = readSlice(LIMIT);
    expect(expected.rows).toHaveLength(1046);
    expect(expected.cents).toBe(3_621_403);
    const progress: number[] = [];
    const result = await importCdnow({
      db: database.db,
      file: DEFAULT_CDNOW_FILE,
      limitClients: LIMIT,
      batchClients: 120,
      onProgress: (p) => progress.push(p.clientsDone),
    });
    expect(result).toMatchObject({
      clients: 300,
      newClients: 300,
      purchases: 1046,
      newPurchases: 1046,
      totalValueCents: 3_621_403,
    });
    expect(progress).toEqual([120, 240, 300]);
    const [stored] = await database.db
      .select({ n: count(), cents: sql<string>`sum(${purchases.value} * 100)::bigint` })
      .from(purchases);
    expect(stored).toEqual({ n: 1046, cents: '3621403' });
    const [clientCount] = await database.db
      .select({ n: count() })
      .from(clients)
      .where(sql`${clients.attributes}->>'source' = 'cdnow'`);
    expect(clientCount?.n).toBe(300);

    const [facts] = await database.db
      .select()
      .from(clientFacts)
      .innerJoin(clients, eq(clients.id, clientFacts.clientId))
      .where(eq(clients.externalId, 'cdnow-00003'));
    expect(facts?.client_facts).toMatchObject({ purchaseCount: 6, totalValue: 156.46, intervalCount: 5 });
    expect(facts?.client_facts.meanIntervalDays).toBeCloseTo(102.2, 6);
    expect(facts?.client_facts.lastPurchaseAt?.toISOString().slice(0, 10)).toBe('1998-05-28');
  });

  it('records one purchase event per order, already marked routed (a backfill fires no trigger)', async () => {
    const [all] = await database.db.select({ n: count() }).from(events).where(eq(events.type, 'purchase'));
    const [unrouted] = await database.db.select({ n: count() }).from(events).where(isNull(events.routedAt));
    expect(all?.n).toBe(1046);
    expect(unrouted?.n).toBe(0);
  });

  it('stores nothing new when run again over a larger slice except the new customers', async () => {
    const again = await importCdnow({ db: database.db, file: DEFAULT_CDNOW_FILE, limitClients: LIMIT });
    expect(again).toMatchObject({ newClients: 0, newPurchases: 0 });
    const wider = await importCdnow({ db: database.db, file: DEFAULT_CDNOW_FILE, limitClients: LIMIT + 10 });
    const extra = readSlice(LIMIT + 10).rows.length - 1046;
    expect(wider).toMatchObject({ clients: 310, newClients: 10, newPurchases: extra });
    const [stored] = await database.db.select({ n: count() }).from(purchases);
    expect(stored?.n).toBe(1046 + extra);
  });
});

describe('CDNOW import replayed as recent history', () => {
  it('moves every purchase so the log ends on endAt (1998-05-28 is 33 days before the end)', async () => {
    const testDatabase = await createTestDatabase();
    const database = openDatabase(testDatabase.url);
    try {
      await importCdnow({
        db: database.db,
        file: DEFAULT_CDNOW_FILE,
        limitClients: 3,
        endAt: new Date('2026-11-22T08:00:00Z'),
      });
      const [facts] = await database.db
        .select()
        .from(clientFacts)
        .innerJoin(clients, eq(clients.id, clientFacts.clientId))
        .where(eq(clients.externalId, 'cdnow-00003'));
      expect(facts?.client_facts.lastPurchaseAt?.toISOString()).toBe('2026-10-20T12:00:00.000Z');
      expect(facts?.client_facts.meanIntervalDays).toBeCloseTo(102.2, 6);
    } finally {
      await database.close();
      await testDatabase.close();
    }
  });
});
