import { enrollments, messages, sql, templates } from '@touchpoint/db';
import { estimateStratifiedMeans, estimateStratifiedProportions } from '@touchpoint/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { grantedConsent, waitUntilAllRouted } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// A journey with a 20 % holdout stratified by region, run for 150 clients through the API on the
// time-skipping server (50 a region, 10 of them held out; 300 outgrew the test's budget in a CI run on
// a loaded machine, its runs crawling through the time-skipping server one task at a time): held-out clients walk the same path (their sends recorded `heldOut`), nothing
// reaches them at the SMTP or SMS sandbox, every region's control group is within one client of 20 %,
// a re-entering client keeps their group, and the uplift the API reports equals a recount of the rows.
const CLIENTS = 150;
const REGIONS = ['EU', 'US', 'RU'];
const HOLDOUT_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: 'welcome',
      kind: 'send',
      config: { channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
    },
    { id: 'one-day', kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'nudge', kind: 'send', config: { channels: ['sms'], templateId: 'nudge', quietHours: 'skip' } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome' },
    { id: 'e2', source: 'welcome', sourcePort: 'sent', target: 'one-day' },
    { id: 'e3', source: 'welcome', sourcePort: 'unreachable', target: 'done' },
    { id: 'e4', source: 'one-day', sourcePort: 'out', target: 'nudge' },
    { id: 'e5', source: 'nudge', sourcePort: 'sent', target: 'done' },
    { id: 'e6', source: 'nudge', sourcePort: 'unreachable', target: 'done' },
  ],
  goal: { name: 'Order', event: { type: 'order', filters: [] } },
  settings: {
    reentry: 'afterExit',
    holdout: { share: 0.2, strata: [{ kind: 'attribute', name: 'region' }] },
  },
  layout: {},
};

const externalId = (i: number) => `hold-${String(i).padStart(3, '0')}`;
const phoneOf = (i: number) => `+1555010${String(i).padStart(4, '0')}`;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!);
      }
    }),
  );
  return results;
}

interface EnrollmentFacts {
  external_id: string;
  email: string;
  phone: string;
  workflow_id: string;
  stratum: string;
  is_holdout: boolean;
  control_group: string | null;
  status: string;
  exit_reason: string | null;
  revenue: number;
}

describe('a stratified journey holdout, end to end', () => {
  let tp: TestProduct;
  let journeyId: string;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'stratified-holdout' });
    await tp.database.db.insert(templates).values([
      {
        key: 'welcome',
        channel: 'email',
        name: 'Welcome',
        format: 'html',
        subject: 'Welcome',
        body: '<p>Hi</p>',
      },
      { key: 'nudge', channel: 'sms', name: 'Nudge', format: 'text', body: 'New releases wait for you.' },
    ]);
  });

  afterAll(async () => {
    await tp?.stop();
  });

  const readFacts = async (): Promise<EnrollmentFacts[]> => {
    const result = await tp.database.db.execute(sql`
      select c.external_id, c.email, c.phone, e.workflow_id, e.stratum, e.is_holdout, e.control_group,
        e.status, e.exit_reason,
        coalesce((select sum(p.value) from purchases p where p.client_id = e.client_id
          and p.purchased_at > e.entered_at and p.purchased_at <= e.entered_at + interval '30 days'), 0)::float8
          as revenue
      from enrollments e join clients c on c.id = e.client_id
      where e.journey_id = ${journeyId} and e.workflow_id not like '%#%'
      order by c.external_id`);
    return (result as unknown as { rows: EnrollmentFacts[] }).rows;
  };

  it('refuses a holdout over 50 %, naming the field', async () => {
    const draft = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Too much holdout',
      definition: { ...HOLDOUT_JOURNEY, settings: { holdout: { share: 0.6, strata: [] } } },
    });
    const response = await fetch(`${tp.apiUrl}/v1/journeys/${draft.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tp.adminKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).toContain('settings.holdout.share');
  });

  it('holds out 20 % per region, delivers nothing to them, and reports the uplift the rows give', async () => {
    const ids = Array.from({ length: CLIENTS }, (_, i) => i);
    await mapLimited(ids, 8, (i) =>
      tp.call('PUT', `/v1/clients/${externalId(i)}`, {
        email: `${externalId(i)}@example.com`,
        phone: phoneOf(i),
        consent: grantedConsent(),
        attributes: { region: REGIONS[i % 3] },
      }),
    );
    const journey = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Welcome with a holdout',
      definition: HOLDOUT_JOURNEY,
    });
    journeyId = journey.id;
    await tp.call('POST', `/v1/journeys/${journeyId}/publish`, {});
    const entered = await tp.call<{ enrolled: number }>('POST', `/v1/journeys/${journeyId}/enrollments`, {
      clientIds: ids.map(externalId),
    });
    expect(entered.enrolled).toBe(CLIENTS);

    // Every run records its welcome (sent or held out) before it sleeps a day.
    const welcomes = async () =>
      (
        await tp.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(messages)
          .where(sql`${messages.journeyId} = ${journeyId} and ${messages.nodeId} = 'welcome'`)
      )[0]!.n;
    await waitUntil(async () => (await welcomes()) === CLIENTS, 4 * PATIENCE_MS, 'every welcome recorded');

    // Every fifth client orders during the day's wait (the goal); every seventh buys.
    const now = Date.now();
    await tp.call('POST', '/v1/events', {
      events: ids
        .filter((i) => i % 5 === 0)
        .map((i) => ({
          clientId: externalId(i),
          type: 'order',
          idempotencyKey: `order-${i}`,
          occurredAt: new Date(now + 1000).toISOString(),
        })),
    });
    await tp.call('POST', '/v1/purchases', {
      purchases: ids
        .filter((i) => i % 7 === 0)
        .map((i) => ({
          idempotencyKey: `buy-${i}`,
          clientId: externalId(i),
          purchasedAt: new Date(now + 2000).toISOString(),
          value: 10 + (i % 13) * 7,
        })),
    });
    await waitUntilAllRouted(tp);
    // Skipping two days of the time-skipping server's clock wakes every run from its day's wait.
    await tp.env.sleep('2 days');
    const completed = async () =>
      (
        await tp.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(enrollments)
          .where(sql`${enrollments.journeyId} = ${journeyId} and ${enrollments.status} = 'completed'`)
      )[0]!.n;
    await waitUntil(async () => (await completed()) === CLIENTS, 4 * PATIENCE_MS, 'every run completed');
    const facts = await readFacts();
    expect(facts).toHaveLength(CLIENTS);
    expect(facts.every((f) => f.status === 'completed')).toBe(true);

    // Balanced: within one client of 20 % in every region.
    for (const region of REGIONS) {
      const inRegion = facts.filter((f) => f.stratum === `region=${region}`);
      const held = inRegion.filter((f) => f.is_holdout).length;
      expect(inRegion).toHaveLength(CLIENTS / 3);
      expect(Math.abs(held - 0.2 * inRegion.length)).toBeLessThan(1);
    }
    const heldOut = facts.filter((f) => f.is_holdout);
    expect(heldOut.every((f) => f.control_group === 'journey')).toBe(true);

    // Nothing reached a held-out client; every treated client got the welcome.
    const heldEmails = new Set(heldOut.map((f) => f.email));
    const heldPhones = new Set(heldOut.map((f) => f.phone));
    const mails = tp.mailbox.listMessages();
    const sms = tp.smsInbox.listMessages();
    expect(mails.filter((m) => m.to.some((to) => heldEmails.has(to)))).toEqual([]);
    expect(sms.filter((s) => heldPhones.has(s.to))).toEqual([]);
    expect(mails).toHaveLength(CLIENTS - heldOut.length);
    // Shadow mode: held-out clients walked the same path, each send recorded and held out.
    const shadow = await tp.database.db
      .select({ node: messages.nodeId, n: sql<number>`count(*)::int` })
      .from(messages)
      .where(sql`${messages.journeyId} = ${journeyId} and ${messages.status} = 'heldOut'`)
      .groupBy(messages.nodeId)
      .orderBy(messages.nodeId);
    const heldUnconverted = heldOut.filter((f) => f.exit_reason !== 'converted').length;
    expect(shadow).toEqual([
      { node: 'nudge', n: heldUnconverted },
      { node: 'welcome', n: heldOut.length },
    ]);
    const treatedUnconverted = facts.filter((f) => !f.is_holdout && f.exit_reason !== 'converted').length;
    expect(sms).toHaveLength(treatedUnconverted);

    // The API's uplift equals the estimators applied to a recount of the stored rows.
    const uplift = await tp.call<{
      treatedClients: number;
      controlClients: number;
      goal: { absolute: number; absoluteInterval: [number, number]; pValue: number };
      revenuePerClient: { absolute: number; absoluteInterval: [number, number] };
      strata: { stratum: string; treatedClients: number; controlClients: number }[];
      source: { servedFrom: string };
    }>('GET', `/v1/journeys/${journeyId}/uplift`);
    // Served from the uplift rollups the product's refresher keeps (a small backlog is folded in first).
    expect(uplift.source.servedFrom).toBe('rollups');
    const byRegion = REGIONS.map((region) => facts.filter((f) => f.stratum === `region=${region}`));
    const arm = (rows: EnrollmentFacts[], held: boolean) => rows.filter((f) => f.is_holdout === held);
    const expectedGoal = estimateStratifiedProportions(
      byRegion.map((rows) => ({
        treated: {
          n: arm(rows, false).length,
          events: arm(rows, false).filter((f) => f.exit_reason === 'converted').length,
        },
        control: {
          n: arm(rows, true).length,
          events: arm(rows, true).filter((f) => f.exit_reason === 'converted').length,
        },
      })),
    );
    const sums = (rows: EnrollmentFacts[]) => ({
      n: rows.length,
      sum: rows.reduce((s, f) => s + f.revenue, 0),
      sumOfSquares: rows.reduce((s, f) => s + f.revenue * f.revenue, 0),
    });
    const expectedRevenue = estimateStratifiedMeans(
      byRegion.map((rows) => ({ treated: sums(arm(rows, false)), control: sums(arm(rows, true)) })),
    );
    expect(uplift.treatedClients).toBe(CLIENTS - heldOut.length);
    expect(uplift.controlClients).toBe(heldOut.length);
    expect(uplift.goal.absolute).toBeCloseTo(expectedGoal.absolute, 10);
    expect(uplift.goal.absoluteInterval[0]).toBeCloseTo(expectedGoal.absoluteInterval[0], 10);
    expect(uplift.goal.pValue).toBeCloseTo(expectedGoal.pValue, 10);
    expect(uplift.revenuePerClient.absolute).toBeCloseTo(expectedRevenue.absolute, 8);
    expect(uplift.revenuePerClient.absoluteInterval[1]).toBeCloseTo(expectedRevenue.absoluteInterval[1], 8);
    expect(uplift.strata.map((s) => s.stratum)).toEqual(['region=EU', 'region=RU', 'region=US']);

    // Re-entry: the first 30 clients enter again and keep the group they had.
    const again = await tp.call<{ enrolled: number }>('POST', `/v1/journeys/${journeyId}/enrollments`, {
      clientIds: ids.slice(0, 30).map(externalId),
      enrollmentKey: 'second-round',
    });
    expect(again.enrolled).toBe(30);
    await waitUntil(async () => {
      const rows = await tp.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(enrollments)
        .where(sql`${enrollments.journeyId} = ${journeyId}`);
      return rows[0]!.n === CLIENTS + 30;
    }, 2 * PATIENCE_MS);
    const second = new Map((await readFacts()).map((f) => [f.external_id, f.is_holdout]));
    for (const f of facts.slice(0, 30)) expect(second.get(f.external_id)).toBe(f.is_holdout);
    // 150 clients' runs, each a few workflow tasks, on a machine shared with other work.
  }, 900_000);
});
