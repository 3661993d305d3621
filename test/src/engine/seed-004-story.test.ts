import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTasks, enrollments, messages, nodeVisits } from '@touchpoint/db';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import { signalClientEvent } from '@touchpoint/engine/temporal/enroll-client';
import { DAY_MS, startEngineFixture } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.close();
});

describe("seed 004's lifecycle chain", () => {
  it('reminds on day 57, stimulates on 65, texts on 72, and exits converted on the day-74 purchase with no call task', async () => {
    const start = await fixture.now();
    const clientId = await fixture.createClient({ expectedNextPurchaseAt: new Date(start + 60 * DAY_MS) });
    const journeyId = await fixture.createJourney(SEED_004_JOURNEY);
    const handle = await fixture.enroll(journeyId, clientId, SEED_004_JOURNEY);

    await fixture.env.sleep(74 * DAY_MS);
    await signalClientEvent(fixture.client, handle.workflowId, {
      eventId: 'purchase-day-74',
      type: 'purchase',
      occurredAt: new Date(await fixture.now()).toISOString(),
      properties: { total: 120 },
    });
    const result = await handle.result();

    expect(result).toMatchObject({ status: 'completed', reason: 'converted' });
    const [enrollment] = await fixture.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.workflowId, handle.workflowId));
    expect(enrollment).toMatchObject({ status: 'completed', exitReason: 'converted' });
    const visits = await fixture.db
      .select()
      .from(nodeVisits)
      .where(eq(nodeVisits.enrollmentId, enrollment!.id))
      .orderBy(asc(nodeVisits.visitSeq));
    const sendDays = visits
      .filter((visit) => visit.nodeId.endsWith('/send'))
      .map((visit) => [visit.nodeId, Math.round((visit.enteredAt.getTime() - start) / DAY_MS)]);
    expect(sendDays).toEqual([
      ['ladder/remind/send', 57],
      ['ladder/stimulate/send', 65],
      ['ladder/sms/send', 72],
    ]);
    expect(visits.at(-1)).toMatchObject({ nodeId: 'ladder/call/wait', outcome: 'converted' });
    const sent = await fixture.db.select().from(messages).where(eq(messages.enrollmentId, enrollment!.id));
    expect(sent.map((message) => message.channel).sort()).toEqual(['email', 'email', 'sms']);
    expect(await fixture.db.select().from(callTasks).where(eq(callTasks.clientId, clientId))).toEqual([]);
  });
});
