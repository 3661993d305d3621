import { enrollments, sql, templates } from '@touchpoint/db';
import { estimateStratifiedMeans, estimateStratifiedProportions } from '@touchpoint/language';
import type { GlobalControlReport } from '@touchpoint/language/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { grantedConsent } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// The global control group through the front door: the share set by the API, a promotional and a
// transactional journey run on the time-skipping server, purchases posted, and the all-marketing report
// compared with the estimators applied to a recount of the stored assignments and purchases.
const CLIENTS = 90;
/** Clients 0…9 enter only the transactional journey, before anyone enters the promotional one. */
const TRANSACTIONAL_ONLY = 10;
const SHARE = 0.25;

const sendJourney = (templateId: string, purpose: 'promotional' | 'transactional') => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'send', kind: 'send', config: { channels: ['email'], templateId, quietHours: 'skip' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'send' },
    { id: 'e2', source: 'send', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'send', sourcePort: 'unreachable', target: 'done' },
  ],
  settings: { reentry: 'once', purpose },
  layout: {},
});

const externalId = (i: number) => `gc-${String(i).padStart(3, '0')}`;
const emailOf = (i: number) => `${externalId(i)}@example.com`;

interface AssignedClient {
  external_id: string;
  is_holdout: boolean;
  revenue: number;
  bought: boolean;
}

describe('the global control group and the all-marketing report', () => {
  let tp: TestProduct;
  let promoId: string;
  let receiptId: string;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'global-control' });
    await tp.database.db.insert(templates).values(
      ['promo', 'receipt'].map((key) => ({
        key,
        channel: 'email' as const,
        name: key,
        format: 'html' as const,
        subject: key,
        body: `<p>${key}</p>`,
      })),
    );
  }, 300_000);

  afterAll(async () => {
    await tp?.stop();
  });

  const put = (body: unknown) =>
    fetch(`${tp.apiUrl}/v1/global-control`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tp.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses a share over 50 % or not a number and a bad report window, naming the field', async () => {
    for (const body of [{ share: 0.8 }, { share: 'a tenth' }, {}]) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('share');
    }
    for (const query of ['revenueDays=0', 'revenueDays=many', 'since=yesterday']) {
      const response = await fetch(`${tp.apiUrl}/v1/global-control/report?${query}`, {
        headers: { authorization: `Bearer ${tp.adminKey}` },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(query.split('=')[0]);
    }
    const unset = await tp.call<{ share: number; startedAt: string | null }>('GET', '/v1/global-control');
    expect(unset).toMatchObject({ share: 0, startedAt: null });
  });

  it('keeps the group out of promotional journeys only and reports the revenue the rows give', async () => {
    const set = await tp.call<{ share: number; startedAt: string }>('PUT', '/v1/global-control', {
      share: SHARE,
    });
    expect(set.share).toBe(SHARE);
    expect(Date.parse(set.startedAt)).not.toBeNaN();

    const ids = Array.from({ length: CLIENTS }, (_, i) => i);
    for (const i of ids) {
      await tp.call('PUT', `/v1/clients/${externalId(i)}`, { email: emailOf(i), consent: grantedConsent() });
    }
    const create = async (name: string, definition: unknown) => {
      const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', { name, definition });
      await tp.call('POST', `/v1/journeys/${journey.id}/publish`, {});
      return journey.id;
    };
    promoId = await create('Spring sale', sendJourney('promo', 'promotional'));
    receiptId = await create('Order receipt', sendJourney('receipt', 'transactional'));

    const countDone = async (journeyId: string) =>
      (
        await tp.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(enrollments)
          .where(sql`${enrollments.journeyId} = ${journeyId} and ${enrollments.status} = 'completed'`)
      )[0]!.n;
    const enroll = async (journeyId: string, from: number, to: number) => {
      await tp.call('POST', `/v1/journeys/${journeyId}/enrollments`, {
        clientIds: ids.slice(from, to).map(externalId),
      });
      // Eighty short runs on a machine shared with other suites: as the stratified-holdout e2e allows.
      await waitUntil(async () => (await countDone(journeyId)) >= to - from, 4 * PATIENCE_MS, 'runs done');
    };
    // Transactional first for the first ten: they must not be assigned by it.
    await enroll(receiptId, 0, TRANSACTIONAL_ONLY);
    const assignedEarly = await tp.database.db.execute(
      sql`select count(*)::int as n from holdout_assignments where experiment_key = 'global'`,
    );
    expect((assignedEarly as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    await enroll(promoId, TRANSACTIONAL_ONLY, CLIENTS);
    await tp.call('POST', `/v1/journeys/${receiptId}/enrollments`, {
      clientIds: ids.slice(TRANSACTIONAL_ONLY).map(externalId),
    });
    await waitUntil(async () => (await countDone(receiptId)) === CLIENTS, 4 * PATIENCE_MS, 'receipts done');

    // Purchases after every assignment: every third client, heavy-tailed values.
    const now = Date.now();
    await tp.call('POST', '/v1/purchases', {
      purchases: ids
        .filter((i) => i % 3 === 0 || i % 7 === 0)
        .map((i) => ({
          idempotencyKey: `gc-buy-${i}`,
          clientId: externalId(i),
          purchasedAt: new Date(now + 1000).toISOString(),
          value: i % 17 === 0 ? 900 : 15 + (i % 11) * 9,
        })),
    });

    const report = await tp.call<GlobalControlReport>('GET', '/v1/global-control/report?revenueDays=30');

    // The recount: the stored assignments and purchases, read with SQL of the test's own.
    const recount = await tp.database.db.execute(sql`
      select c.external_id, a.is_holdout,
        coalesce((select sum(p.value) from purchases p where p.client_id = a.client_id
          and p.purchased_at > a.assigned_at
          and p.purchased_at <= a.assigned_at + interval '30 days'), 0)::float8 as revenue,
        exists (select 1 from purchases p where p.client_id = a.client_id
          and p.purchased_at > a.assigned_at
          and p.purchased_at <= a.assigned_at + interval '30 days') as bought
      from holdout_assignments a join clients c on c.id = a.client_id
      where a.experiment_key = 'global'`);
    const assigned = (recount as unknown as { rows: AssignedClient[] }).rows;
    expect(assigned).toHaveLength(CLIENTS - TRANSACTIONAL_ONLY);
    const control = assigned.filter((a) => a.is_holdout);
    const treated = assigned.filter((a) => !a.is_holdout);
    expect(Math.abs(control.length - SHARE * assigned.length)).toBeLessThan(1);

    // Nothing promotional reached a control client; the transactional journey reached everyone.
    const mails = tp.mailbox.listMessages();
    const mailsTo = (address: string, subject: string) =>
      mails.filter((m) => m.to.includes(address) && m.subject === subject).length;
    const emailOfExternal = (id: string) => `${id}@example.com`;
    for (const client of control) expect(mailsTo(emailOfExternal(client.external_id), 'promo')).toBe(0);
    for (const client of treated) expect(mailsTo(emailOfExternal(client.external_id), 'promo')).toBe(1);
    for (const i of ids) expect(mailsTo(emailOf(i), 'receipt')).toBe(1);

    const sums = (rows: AssignedClient[]) => ({
      n: rows.length,
      sum: rows.reduce((s, r) => s + r.revenue, 0),
      sumOfSquares: rows.reduce((s, r) => s + r.revenue * r.revenue, 0),
    });
    const revenue = estimateStratifiedMeans([{ treated: sums(treated), control: sums(control) }]);
    const buyers = estimateStratifiedProportions([
      {
        treated: { n: treated.length, events: treated.filter((r) => r.bought).length },
        control: { n: control.length, events: control.filter((r) => r.bought).length },
      },
    ]);
    expect(report.share).toBe(SHARE);
    expect(report.treatedClients).toBe(treated.length);
    expect(report.controlClients).toBe(control.length);
    expect(report.treatedRevenue).toBeCloseTo(sums(treated).sum, 6);
    expect(report.revenuePerClient.absolute).toBeCloseTo(revenue.absolute, 8);
    expect(report.revenuePerClient.absoluteInterval[0]).toBeCloseTo(revenue.absoluteInterval[0], 8);
    expect(report.revenuePerClient.absoluteInterval[1]).toBeCloseTo(revenue.absoluteInterval[1], 8);
    expect(report.revenuePerClient.pValue).toBeCloseTo(revenue.pValue, 8);
    expect(report.buyers.absolute).toBeCloseTo(buyers.absolute, 10);
    expect(report.buyers.absoluteInterval[1]).toBeCloseTo(buyers.absoluteInterval[1], 10);
    expect(report.incrementalRevenue).toBeCloseTo(revenue.absolute * treated.length, 6);
    expect(report.incrementalRevenueInterval[0]).toBeCloseTo(revenue.absoluteInterval[0] * treated.length, 6);
    // Eighty clients are far fewer than +10 % buyers needs at these rates.
    expect(report.enoughData).toBe(false);
    expect(report.requiredClients).toBeGreaterThan(CLIENTS);

    expect(report.journeys).toEqual([
      {
        journeyId: receiptId,
        name: 'Order receipt',
        purpose: 'transactional',
        treatedEnrollments: CLIENTS - TRANSACTIONAL_ONLY,
        globalControlEnrollments: 0,
      },
      {
        journeyId: promoId,
        name: 'Spring sale',
        purpose: 'promotional',
        treatedEnrollments: treated.length,
        globalControlEnrollments: control.length,
      },
    ]);
  }, 1_500_000);

  it('keeps the group’s start when its share changes, and keeps assigned clients in their group', async () => {
    const before = await tp.call<{ startedAt: string }>('GET', '/v1/global-control');
    const after = await tp.call<{ share: number; startedAt: string }>('PUT', '/v1/global-control', {
      share: 0.1,
    });
    expect(after).toMatchObject({ share: 0.1, startedAt: before.startedAt });
    const report = await tp.call<GlobalControlReport>('GET', '/v1/global-control/report');
    expect(report.controlClients + report.treatedClients).toBe(CLIENTS - TRANSACTIONAL_ONLY);
    expect(report.share).toBe(0.1);
  });
});
