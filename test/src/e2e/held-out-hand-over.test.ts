import { sql, templates } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { grantedConsent } from '../harness/product-reads';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// A journey with a holdout hands its clients to a second journey that mails them. Its held-out clients
// walk the hand-over step in shadow but are never handed over (the step records why), so the second
// journey never treats them: nothing reaches them at the SMTP sandbox and they have no enrollment there.
const CLIENTS = 24;

const FOLLOW_UP = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: 'letter',
      kind: 'send',
      config: { channels: ['email'], templateId: 'follow-up', quietHours: 'skip' },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'letter' },
    { id: 'e2', source: 'letter', sourcePort: 'sent', target: 'done' },
    { id: 'e3', source: 'letter', sourcePort: 'unreachable', target: 'done' },
  ],
  settings: { reentry: 'afterExit' },
  layout: {},
};

const handOver = (targetId: string) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'hand-over', kind: 'startJourney', config: { journeyId: targetId } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'hand-over' },
    { id: 'e2', source: 'hand-over', sourcePort: 'out', target: 'done' },
  ],
  settings: { reentry: 'afterExit', holdout: { share: 0.5, strata: [] } },
  layout: {},
});

const externalId = (i: number) => `hand-${String(i).padStart(3, '0')}`;

interface Row {
  external_id: string;
  email: string;
  is_holdout: boolean;
  skip_reason: string | null;
}

describe('a held-out client at a startJourney step', () => {
  let tp: TestProduct;

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'held-out-hand-over' });
    await tp.database.db.insert(templates).values({
      key: 'follow-up',
      channel: 'email',
      name: 'Follow-up',
      format: 'html',
      subject: 'Still thinking?',
      body: '<p>Hi</p>',
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('is not handed over, so the target journey never treats them', async () => {
    const ids = Array.from({ length: CLIENTS }, (_, i) => i);
    for (const i of ids)
      await tp.call('PUT', `/v1/clients/${externalId(i)}`, {
        email: `${externalId(i)}@example.com`,
        consent: grantedConsent(),
      });
    const target = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Follow-up letter',
      definition: FOLLOW_UP,
    });
    await tp.call('POST', `/v1/journeys/${target.id}/publish`, {});
    const source = await tp.call<{ id: string }>('POST', '/v1/journeys', {
      name: 'Hand over with a holdout',
      definition: handOver(target.id),
    });
    await tp.call('POST', `/v1/journeys/${source.id}/publish`, {});
    const entered = await tp.call<{ enrolled: number }>('POST', `/v1/journeys/${source.id}/enrollments`, {
      clientIds: ids.map(externalId),
    });
    expect(entered.enrolled).toBe(CLIENTS);

    const count = async (query: ReturnType<typeof sql>) =>
      ((await tp.database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    await waitUntil(
      async () =>
        (await count(sql`select count(*)::int as n from enrollments
          where journey_id = ${source.id} and status = 'completed'`)) === CLIENTS,
      2 * PATIENCE_MS,
      'every handing-over run completed',
    );
    const result = await tp.database.db.execute(sql`
      select c.external_id, c.email, e.is_holdout, v.skip_reason
      from enrollments e join clients c on c.id = e.client_id
      join node_visits v on v.enrollment_id = e.id and v.node_id = 'hand-over'
      where e.journey_id = ${source.id} order by c.external_id`);
    const rows = (result as unknown as { rows: Row[] }).rows;
    expect(rows).toHaveLength(CLIENTS);
    const heldOut = rows.filter((r) => r.is_holdout);
    const treated = rows.filter((r) => !r.is_holdout);
    expect(heldOut.length).toBe(CLIENTS / 2);
    // Held-out clients walked the step in shadow; the visit says why nothing was started.
    expect(heldOut.map((r) => r.skip_reason)).toEqual(heldOut.map(() => 'heldOut'));
    expect(treated.map((r) => r.skip_reason)).toEqual(treated.map(() => null));

    // Every treated client's follow-up letter arrives; then the target's enrollments are exactly theirs.
    await waitUntil(
      async () => tp.mailbox.listMessages().length === treated.length,
      2 * PATIENCE_MS,
      'the treated clients’ letters',
    );
    const followed = await tp.database.db.execute(sql`
      select c.external_id from enrollments e join clients c on c.id = e.client_id
      where e.journey_id = ${target.id} order by c.external_id`);
    expect(
      (followed as unknown as { rows: { external_id: string }[] }).rows.map((r) => r.external_id),
    ).toEqual(treated.map((r) => r.external_id));
    const heldEmails = new Set(heldOut.map((r) => r.email));
    const mails = tp.mailbox.listMessages();
    expect(mails.filter((m) => m.to.some((to) => heldEmails.has(to)))).toEqual([]);
    expect(mails).toHaveLength(treated.length);
  }, 600_000);
});
