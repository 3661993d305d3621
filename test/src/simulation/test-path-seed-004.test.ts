import { count, enrollments, messages, nodeVisits, offers, templates } from '@touchpoint/db';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import { TestPathResult } from '@touchpoint/language/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTemplates } from '../channels/send-fixtures';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// Seed 004's lifecycle chain as a marketer would test it before launch: a made-up client whose next
// purchase is expected on day 60 and who buys on day 74. The path must be the one the workflow test
// (test/src/engine/seed-004-story.test.ts) sees live — reminder on 57, stimulus on 65, SMS on 72,
// converted on 74 with no call task — and nothing may reach a real channel or the real database.

const DAY_MS = 86_400_000;
let tp: TestProduct;
let journeyId: string;

beforeAll(async () => {
  tp = await startTestProduct({ name: 'test-path' });
  // The SMS names the rung's own discount (its offer params), so the test sees the 10% of the SMS rung.
  await tp.database.db.insert(templates).values({
    key: 'sms-offer',
    channel: 'sms',
    name: 'Offer SMS',
    format: 'text',
    body: '{{ client.firstName }}, скидка {{ offer.percent }}%',
  });
  for (const key of ['remind', 'stimulate', 'sms-offer', 'call-script'])
    await seedTemplates(tp.database.db, key);
  await tp.database.db
    .insert(offers)
    .values({ key: 'discount', name: 'Discount', kind: 'percentDiscount', value: 5 });
  const created = await tp.call<{ id: string }>('POST', '/v1/journeys', {
    name: 'Seed 004 lifecycle chain',
    definition: SEED_004_JOURNEY,
  });
  journeyId = created.id;
}, 120_000);

afterAll(async () => {
  await tp?.stop();
});

/**
 * Through `inject`, not a socket: the first test path of a process opens the scratch database, which
 * on a loaded machine can outlast the server's idle-connection limit before the first byte is sent.
 */
async function postTestPath(body: unknown) {
  const response = await tp.product.app!.inject({
    method: 'POST',
    url: `/v1/journeys/${journeyId}/test-path`,
    headers: { authorization: `Bearer ${tp.adminKey}` },
    payload: body as Record<string, unknown>,
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function rowsIn(table: typeof enrollments | typeof messages | typeof nodeVisits): Promise<number> {
  const [row] = await tp.database.db.select({ n: count() }).from(table);
  return row?.n ?? -1;
}

describe('testing a path of seed 004 through the API', () => {
  it('reminds on day 57, stimulates on 65, texts on 72 and converts on the day-74 purchase, all captured', async () => {
    const answer = await postTestPath({
      version: 'draft',
      client: { attributes: { firstName: 'Anna' }, facts: { expectedNextPurchaseAt: '+60d' } },
      events: [{ at: '+74d', type: 'purchase', properties: { total: 120 } }],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const path = TestPathResult.parse(answer.body);

    expect(path).toMatchObject({ outcome: 'converted', reason: 'converted', callTasks: 0, waitingAt: null });
    const sends = path.steps.filter((step) => step.nodeId.endsWith('/send'));
    expect(sends.map((step) => [step.nodeId, Math.round(step.day)])).toEqual([
      ['ladder/remind/send', 57],
      ['ladder/stimulate/send', 65],
      ['ladder/sms/send', 72],
    ]);
    expect(sends.map((step) => step.name)).toEqual([
      'Remind, stimulate, escalate · remind',
      'Remind, stimulate, escalate · stimulate',
      'Remind, stimulate, escalate · sms',
    ]);
    expect(path.steps.at(-1)).toMatchObject({ nodeId: 'ladder/call/wait', outcome: 'converted' });
    const daysTo = (iso: string | null) =>
      Math.round((Date.parse(iso ?? '') - Date.parse(path.startedAt)) / DAY_MS);
    // It arrived at the call rung's wait on day 72 and left it, converted, on the purchase of day 74.
    expect(daysTo(path.steps.at(-1)!.leftAt)).toBe(74);
    expect(daysTo(path.endedAt)).toBe(74);
    // Each message as rendered for this client, on the channel the policy chose.
    const sent = sends.flatMap((step) => step.messages);
    expect(sent.map((message) => [message.channel, message.status])).toEqual([
      ['email', 'sent'],
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    expect(sent[0]?.text).toContain('We miss you, Anna.');
    expect(sent[2]?.text).toBe('Anna, скидка 10%');
    expect(path.events).toEqual([expect.objectContaining({ type: 'purchase', day: 74, delivered: true })]);

    // Captured, never delivered; and the reports' database holds no trace of the run.
    expect(tp.mailbox.listMessages()).toHaveLength(0);
    expect(tp.smsInbox.listMessages()).toHaveLength(0);
    expect([await rowsIn(enrollments), await rowsIn(messages), await rowsIn(nodeVisits)]).toEqual([0, 0, 0]);
  }, 600_000);

  it('shows a client who never buys walking the whole ladder to the call and out', async () => {
    const answer = await postTestPath({
      client: { attributes: { firstName: 'Boris' }, facts: { expectedNextPurchaseAt: '+60d' } },
      events: [{ at: '+30d', type: 'email.opened' }],
      horizon: '+365d',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const path = TestPathResult.parse(answer.body);
    expect(path).toMatchObject({ outcome: 'exited', reason: 'notConverted', callTasks: 1 });
    expect(
      path.steps.filter((step) => step.nodeId.endsWith('/send')).map((step) => Math.round(step.day)),
    ).toEqual([57, 65, 72, 80]);
    // The journey awaits no opens: the router would not hand it over, and neither does the simulation.
    expect(path.events).toEqual([
      expect.objectContaining({
        type: 'email.opened',
        delivered: false,
        note: 'the journey waits for no "email.opened" event',
      }),
    ]);
    expect(tp.mailbox.listMessages()).toHaveLength(0);
    expect(tp.smsInbox.listMessages()).toHaveLength(0);
  }, 600_000);

  it('names the field of a bad script, an unknown client and a missing version', async () => {
    const badOffset = await postTestPath({ events: [{ at: 'soon', type: 'purchase' }] });
    expect(badOffset.status).toBe(400);
    expect(JSON.stringify(badOffset.body)).toContain('body.events.0.at');
    const pastHorizon = await postTestPath({ events: [{ at: '+20d', type: 'purchase' }], horizon: '+10d' });
    expect(pastHorizon.status).toBe(400);
    expect(JSON.stringify(pastHorizon.body)).toContain('body.events.0.at');
    const unknownClient = await postTestPath({ clientId: 'nobody-here' });
    expect(unknownClient).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(unknownClient.body.message).toContain('body.clientId');
    const noVersion = await postTestPath({ version: 7 });
    expect(noVersion).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(noVersion.body.message).toContain('body.version');
  }, 120_000);
});
