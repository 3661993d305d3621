import { and, clients, enrollments, eq } from '@touchpoint/db';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRunHistories } from '../engine/history-chain';
import { PATIENCE_MS, waitUntil } from '../harness/patience';
import { SIGNUP_JOURNEY } from './api-fixture';
import { createRoutedApiFixture, sleepyJourney } from './routed-api-fixture';
import type { RoutedApiFixture } from './routed-api-fixture';

// The real dev server: it is the one that force-fails workflow tasks when signals pile up and times
// out slow ones, which a flood of entry events used to provoke.
let fixture: RoutedApiFixture;
beforeAll(async () => {
  fixture = await createRoutedApiFixture();
});
afterAll(async () => {
  await fixture?.close();
});

const { publish, postEvents } = {
  publish: (name: string, definition: unknown) => fixture.publish(name, definition),
  postEvents: (batch: Record<string, unknown>[]) => fixture.postEvents(batch),
};
const unrouted = () => fixture.countUnrouted();

describe('routing under bursts', () => {
  it('enrolls every client of a burst of 300 entry events for 300 clients', async () => {
    const journeyId = await publish('burst signup', SIGNUP_JOURNEY);
    const occurredAt = new Date().toISOString();
    await postEvents(
      Array.from({ length: 300 }, (_, i) => ({
        idempotencyKey: `burst-${i}`,
        clientId: `burst-client-${i}`,
        type: 'signup',
        occurredAt,
      })),
    );
    const enrolled = () =>
      fixture.database.db
        .select({ clientId: enrollments.clientId })
        .from(enrollments)
        .where(eq(enrollments.journeyId, journeyId));
    await waitUntil(async () => (await enrolled()).length === 300 && (await unrouted()) === 0, 150_000);
    expect(new Set((await enrolled()).map((row) => row.clientId)).size).toBe(300);
  }, 180_000);

  it('keeps one client run healthy through 3,000 entry events: bounded history, no failed or timed-out task', async () => {
    const onceId = await publish('visits once', sleepyJourney('visit', 'once'));
    const afterExitId = await publish('visits after exit', sleepyJourney('visit', 'afterExit'));
    const occurredAt = new Date().toISOString();
    for (let post = 0; post < 3; post += 1) {
      await postEvents(
        Array.from({ length: 1_000 }, (_, i) => ({
          idempotencyKey: `visit-${post}-${i}`,
          clientId: 'flooder',
          type: 'visit',
          occurredAt,
        })),
      );
    }
    await waitUntil(async () => (await unrouted()) === 0, 120_000);
    const [client] = await fixture.database.db
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.externalId, 'flooder'));
    const { temporal } = fixture;
    for (const journeyId of [onceId, afterExitId]) {
      const workflowId = journeyWorkflowId(journeyId, client!.id);
      const description = await temporal.workflow.getHandle(workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
      const runs = await fetchRunHistories(temporal, workflowId, description.runId);
      const history = runs.flatMap((run) => run.events ?? []);
      // One signal-with-start per routing pass at most (3 posts), never one per event.
      expect(history.length).toBeLessThan(60);
      const eventTypes = history.map((event) => String(event.eventType));
      const signals = history.filter((event) => event.workflowExecutionSignaledEventAttributes);
      expect(signals.length).toBeGreaterThanOrEqual(1);
      expect(signals.length).toBeLessThanOrEqual(3);
      const failedOrTimedOut = history.filter(
        (event) => event.workflowTaskFailedEventAttributes || event.workflowTaskTimedOutEventAttributes,
      );
      expect(failedOrTimedOut, eventTypes.join(',')).toEqual([]);
    }
    // A run that is RUNNING may not have committed its first bookkeeping yet: wait for the rows.
    const activeJourneys = async () =>
      (
        await fixture.database.db
          .select({ journeyId: enrollments.journeyId })
          .from(enrollments)
          .where(and(eq(enrollments.clientId, client!.id), eq(enrollments.status, 'active')))
      )
        .map((row) => row.journeyId)
        .sort();
    await expect.poll(activeJourneys, { timeout: PATIENCE_MS }).toEqual([onceId, afterExitId].sort());

    // The run still answers at once: the next purchase converts it.
    await postEvents([{ idempotencyKey: 'buy', clientId: 'flooder', type: 'purchase', occurredAt }]);
    const result = await temporal.workflow.getHandle(journeyWorkflowId(onceId, client!.id)).result();
    expect(result).toMatchObject({ status: 'completed', reason: 'converted' });
  }, 180_000);
});
