import { isDeepStrictEqual } from 'node:util';
import { and, clients, enrollments, eq, inArray, sql } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { waitUntilAllRouted } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { seedPopulation } from './seed-population';

// After a burst of concurrent writes through the API, the rollups the refresher keeps converge to the
// raw recount: every figure of `/report` and `/stats` served from rollups equals the same figure
// computed from the stored rows (a period spanning everything, starting a millisecond into a day, makes
// the API scan raw rows: whole-day periods answer from the rollups' day rows).
const POPULATION = 60;
const EVERYTHING = 'from=1970-01-01T00:00:00.001Z&to=2100-01-01T00:00:00Z';
const DAY = 86_400_000;

interface Source {
  servedFrom: 'rollups' | 'raw';
  pendingClients: number;
}
type Answer = Record<string, unknown> & { source: Source; from: string | null; to: string | null };

describe('report rollups under a burst of writes', () => {
  let tp: TestProduct;
  let journeyId: string;
  const read = (path: string, query = '') =>
    tp.call<Answer>('GET', `/v1/journeys/${journeyId}/${path}?${query}`);
  const activeRunsOf = async (externalIds: string[]) =>
    (
      await tp.database.db
        .select({ id: enrollments.id })
        .from(enrollments)
        .innerJoin(clients, eq(clients.id, enrollments.clientId))
        .where(and(inArray(clients.externalId, externalIds), eq(enrollments.status, 'active')))
    ).length;
  /** The figures alone: where they came from and the echoed period are not figures. */
  const figures = ({ source: _source, from: _from, to: _to, ...rest }: Answer) => rest;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'rollup-convergence' });
    journeyId = await seedPopulation(tp, POPULATION);
    await waitUntil(
      async () => (await read('report')).source.servedFrom === 'rollups',
      PATIENCE_MS,
      'rollups built',
    );
  }, 1_500_000);

  afterAll(async () => {
    await tp?.stop();
  });

  it('converge to the raw recount of every figure', async () => {
    const result = await tp.database.db.execute(sql`select c.external_id, m.id, m.sent_at from messages m
      join clients c on c.id = m.client_id where m.sent_at is not null order by m.sent_at`);
    const sent = (result as unknown as { rows: { external_id: string; id: string; sent_at: Date }[] }).rows;
    expect(sent.length).toBeGreaterThan(POPULATION);
    const before = figures(await read('report'));
    // Opens and clicks naming their message, deals, and purchases (new conversions), posted in 16
    // concurrent requests of one client each, while reports are read at the same time.
    const writes = sent.slice(0, 40).map((message, n) => {
      const at = new Date(new Date(message.sent_at).getTime() + (n % 6) * DAY).toISOString();
      const events = tp.call('POST', '/v1/events', {
        events: [
          {
            idempotencyKey: `burst-open-${n}`,
            clientId: message.external_id,
            type: 'email.opened',
            occurredAt: at,
            messageId: message.id,
          },
          {
            idempotencyKey: `burst-click-${n}`,
            clientId: message.external_id,
            type: 'email.clicked',
            occurredAt: at,
          },
          {
            idempotencyKey: `burst-deal-${n}`,
            clientId: message.external_id,
            type: 'deal.closed',
            occurredAt: at,
          },
        ],
      });
      const purchase = tp.call('POST', '/v1/purchases', {
        purchases: [
          {
            idempotencyKey: `burst-order-${n}`,
            clientId: message.external_id,
            purchasedAt: new Date().toISOString(),
            value: 60,
            lines: [{ sku: 'sku-lamp', quantity: 1, unitPrice: 60 }],
          },
        ],
      });
      return Promise.all([events, purchase]);
    });
    const reads = Array.from({ length: 8 }, (_, n) => read(n % 2 ? 'stats' : 'report'));
    await Promise.all([...writes, ...reads]);
    // Conversions land as the workflows see the purchases: each buyer still inside leaves converted
    // (the goal exits). Wait for that, then for the rollups.
    const buyers = [...new Set(sent.slice(0, 40).map((message) => message.external_id))];
    await waitUntilAllRouted(tp, PATIENCE_MS);
    await waitUntil(
      async () => (await activeRunsOf(buyers)) === 0,
      4 * PATIENCE_MS,
      "every buyer's run to end",
    );
    await waitUntil(
      async () => {
        const raw = await read('stats', EVERYTHING);
        const rolled = await read('stats');
        return rolled.source.pendingClients === 0 && isDeepStrictEqual(figures(raw), figures(rolled));
      },
      4 * PATIENCE_MS,
      'stats from rollups equal the raw recount',
    );
    for (const attribution of ['last', 'first', 'every']) {
      const rolled = await read('report', `attribution=${attribution}`);
      const raw = await read('report', `attribution=${attribution}&${EVERYTHING}`);
      expect(rolled.source).toMatchObject({ servedFrom: 'rollups' });
      expect(raw.source).toMatchObject({ servedFrom: 'raw' });
      expect(figures(rolled), attribution).toEqual(figures(raw));
    }
    // One step's communications: ?node= is read from node-keyed counters too.
    for (const node of ['offer', 'reminder']) {
      const rolled = await read('report', `node=${node}`);
      const raw = await read('report', `node=${node}&${EVERYTHING}`);
      expect(rolled.source).toMatchObject({ servedFrom: 'rollups' });
      expect(raw.source).toMatchObject({ servedFrom: 'raw' });
      expect(figures(rolled), node).toEqual(figures(raw));
    }
    const after = figures(await read('report'));
    expect(after).not.toEqual(before);
    const [rolledStats, rawStats] = [await read('stats'), await read('stats', EVERYTHING)];
    expect(rolledStats.source.servedFrom).toBe('rollups');
    expect(figures(rolledStats)).toEqual(figures(rawStats));
  }, 900_000);
});
