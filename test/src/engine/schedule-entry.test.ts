import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, enrollments } from '@touchpoint/db';
import { recomputeSegments, storePurchases } from '@touchpoint/domain';
import type { JourneyDefinition } from '@touchpoint/language';
import { journeyScheduleId, syncJourneySchedule } from '@touchpoint/engine/temporal/journey-schedule';
import type { z } from 'zod';
import { startEngineFixture } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';
import { PATIENCE_MS } from '../harness/patience';

// Schedules run on the real dev server: the time-skipping server has no schedules.
let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture({ server: 'dev' });
});
afterAll(async () => {
  await fixture?.close();
});

const journey = (trigger: Record<string, unknown>): z.input<typeof JourneyDefinition> => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: trigger as never } },
    { id: 'done', kind: 'exit', config: { reason: 'welcomed' } },
  ],
  edges: [{ id: 'a', source: 'entry', sourcePort: 'out', target: 'done' }],
});

async function enrolledIn(journeyId: string, expected: number) {
  for (let attempt = 0; attempt < PATIENCE_MS / 100; attempt += 1) {
    const rows = await fixture.db.select().from(enrollments).where(eq(enrollments.journeyId, journeyId));
    if (rows.length >= expected) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${expected} enrollments in ${journeyId}`);
}

describe('schedule entry', () => {
  it('enrolls the segment on each scheduled run and goes away with the trigger', async () => {
    const scheduled = journey({ kind: 'schedule', cron: '0 9 * * 1', segment: 'R1F1M1' });
    const journeyId = await fixture.createJourney(scheduled);
    const inCell = await fixture.createClient({ attributes: { rfmCell: 'R1F1M1' } });
    const listed = await fixture.createClient({ attributes: { segments: ['vip', 'R1F1M1'] } });
    await fixture.createClient({ attributes: { rfmCell: 'R3F1M1' } });
    const sync = { client: fixture.client, journeyId, taskQueue: fixture.taskQueue };

    expect(await syncJourneySchedule({ ...sync, definition: scheduled })).toBe('created');
    const schedule = fixture.client.schedule.getHandle(journeyScheduleId(journeyId));
    expect((await schedule.describe()).action).toMatchObject({
      workflowType: 'audienceEntryWorkflow',
      taskQueue: fixture.taskQueue,
    });
    expect(await syncJourneySchedule({ ...sync, definition: scheduled })).toBe('updated');

    await schedule.trigger();
    const rows = await enrolledIn(journeyId, 2);
    expect(rows.map((row) => row.clientId).sort()).toEqual([inCell, listed].sort());
    expect(rows.every((row) => row.source === 'segment')).toBe(true);

    const manual = journey({ kind: 'manual' });
    expect(await syncJourneySchedule({ ...sync, definition: manual })).toBe('deleted');
    expect(await syncJourneySchedule({ ...sync, definition: manual })).toBe('none');
  });

  it('enrolls the members the recompute stored, not a rule evaluated again at the run', async () => {
    const scheduled = journey({ kind: 'schedule', cron: '0 9 * * 2', segment: 'overdue' });
    const journeyId = await fixture.createJourney(scheduled);
    const now = Date.now();
    // Purchases stored as a bulk import stores them: facts refreshed, segments left to the recompute.
    const buyer = async (daysAgo: readonly number[]) => {
      const id = await fixture.createClient();
      const [row] = await fixture.db.select().from(clients).where(eq(clients.id, id));
      const orders = daysAgo.map((days) => ({
        idempotencyKey: `${id}-${days}`,
        clientExternalId: row!.externalId,
        purchasedAt: new Date(now - days * 86_400_000),
        value: 10,
      }));
      await fixture.db.transaction((tx) => storePurchases(tx, orders));
      return id;
    };
    // A rhythm of 10 days, last seen 30 days ago: overdue once the recompute runs.
    const late = await buyer([40, 30]);
    // Bought yesterday on a 10-day rhythm: not overdue.
    await buyer([11, 1]);
    const named = await fixture.createClient({ attributes: { segments: ['overdue'] } });
    await recomputeSegments(fixture.db, { asOf: new Date(now) });
    // Overdue by its facts, but imported after the recompute: no stored membership yet, so the run
    // (which reads memberships and evaluates no rule) leaves it for the next recompute.
    await buyer([50, 45]);

    const sync = { client: fixture.client, journeyId, taskQueue: fixture.taskQueue };
    expect(await syncJourneySchedule({ ...sync, definition: scheduled })).toBe('created');
    await fixture.client.schedule.getHandle(journeyScheduleId(journeyId)).trigger();
    const rows = await enrolledIn(journeyId, 2);
    expect(rows.map((row) => row.clientId).sort()).toEqual([late, named].sort());
  });
});
