import { eq, events, openDatabase, segmentMemberships, sql } from '@touchpoint/db';
import { DEFAULT_CDNOW_FILE, importCdnow } from '@touchpoint/engine/cli/import-cdnow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from '../api/api-fixture';
import { waitUntil } from '../harness/patience';
import { countLifecycleStages, countRfmCells, readCdnowCustomers } from './cdnow-recompute';

// The copy of the real log the repository ships (the same bytes as shared/datasets/cdnow).
const CDNOW_FILE = DEFAULT_CDNOW_FILE;
// The day after the log ends: the whole cohort classified as the business would have seen it then.
const AS_OF = '1998-07-01T00:00:00.000Z';
const AS_OF_DAY = Date.parse(AS_OF) / 86_400_000;

let fixture: ApiFixture;

beforeAll(async () => {
  fixture = await createApiFixture();
  await importCdnow({ db: fixture.database.db, file: CDNOW_FILE, batchClients: 2_000 });
}, 600_000);

afterAll(async () => {
  await fixture?.close();
});

const recompute = () =>
  fixture.app.inject({
    method: 'POST',
    url: '/v1/segmentation/recompute',
    headers: ADMIN,
    payload: { asOf: AS_OF },
  });

describe('the CDNOW log segmented as of 1998-07-01', () => {
  it('emits each transition once when a recompute is killed midway and run again', async () => {
    const db = fixture.database.db;
    // Hold one client's facts row, far into the id order, so the recompute's chunk that reaches it waits
    // on the lock with earlier chunks committed; then its connection is killed, as a dying worker's is.
    const middle = rowsOf<{ client_id: string }>(
      await db.execute(sql`select client_id from client_facts order by client_id offset 12000 limit 1`),
    );
    const heldId = middle[0]!.client_id;
    const holder = openDatabase(fixture.testDatabase.url);
    let release = () => {};
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const held = holder.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from client_facts where client_id = ${heldId} for update`);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    const firstRun = recompute();
    let blocked: number | undefined;
    await waitUntil(
      async () => {
        const waiting = rowsOf<{ pid: number }>(
          await db.execute(
            sql`select pid from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
          ),
        );
        blocked = waiting[0]?.pid;
        return blocked !== undefined;
      },
      undefined,
      'the recompute waiting on the held row',
    );
    const committedBefore = await countSegmentEvents();
    expect(committedBefore).toBeGreaterThan(0);
    await db.execute(sql`select pg_terminate_backend(${blocked})`);
    expect((await firstRun).statusCode).toBe(500);
    release();
    await held;
    await holder.close();
    expect(await countSegmentEvents()).toBe(committedBefore);

    const secondRun = await recompute();
    expect(secondRun.statusCode, secondRun.body).toBe(200);
    // First classification of a base: every client entered its cell, its stage and maybe overdue, once.
    const [duplicates] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from (select client_id, properties->>'segment' from events where source = 'segmentation' group by 1, 2 having count(*) > 1) d`,
      ),
    );
    expect(duplicates!.n).toBe(0);
    const members = await db.$count(segmentMemberships, eq(segmentMemberships.isMember, true));
    expect(await countSegmentEvents()).toBe(members);
    // A third run as of the same day finds nothing to change.
    expect((await recompute()).json()).toMatchObject({ transitions: 0 });
  }, 600_000);

  it('puts as many clients in each RFM cell and lifecycle stage as an independent recomputation', async () => {
    const customers = readCdnowCustomers(CDNOW_FILE);
    expect(customers.size).toBe(23_570);
    const listed = await fixture.app.inject({ method: 'GET', url: '/v1/segments', headers: ADMIN });
    const bySegment = new Map(
      listed.json<{ items: { key: string; members: number }[] }>().items.map((s) => [s.key, s.members]),
    );
    const rfm = countRfmCells(customers, AS_OF_DAY);
    const stages = countLifecycleStages(customers, AS_OF_DAY);
    const answered = (keys: Iterable<string>) =>
      Object.fromEntries([...keys].map((key) => [key, bySegment.get(key)]));
    expect(answered(rfm.keys())).toEqual(Object.fromEntries(rfm));
    expect(answered(stages.keys())).toEqual(Object.fromEntries(stages));
    const rfmTotal = [...bySegment].filter(([key]) => /^R\dF\dM\d$/.test(key)).reduce((n, [, c]) => n + c, 0);
    expect(rfmTotal).toBe(23_570);
    expect(new Set(rfm.keys()).size).toBeGreaterThan(20);
  }, 600_000);
});

async function countSegmentEvents(): Promise<number> {
  return fixture.database.db.$count(events, eq(events.source, 'segmentation'));
}

/** Rows of a raw `execute` on node-postgres. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
