import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '@touchpoint/activities';
import { DeliveryPolicy } from '@touchpoint/channels';
import { and, clients, enrollments, eq, events, isNull } from '@touchpoint/db';
import { createEventRouter } from '@touchpoint/engine/router/index';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { createJourneyWorker } from '@touchpoint/engine/worker/create-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACKING } from '../channels/send-fixtures';
import { fetchRunHistories } from '../engine/history-chain';
import { waitUntil } from '../harness/frozen-child';
import { ADMIN, createApiFixture, SIGNUP_JOURNEY } from './api-fixture';
import type { ApiFixture } from './api-fixture';

// The real dev server: it is the one that force-fails workflow tasks when signals pile up and times
// out slow ones, which a flood of entry events used to provoke.
let fixture: ApiFixture;
let connection: Connection;
let native: NativeConnection;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `bursts-${randomUUID()}`;

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  const temporal = new Client({ connection });
  fixture = await createApiFixture((db) => ({
    router: createEventRouter({ db, temporal, taskQueue }),
    temporal,
  }));
  native = await NativeConnection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  const activities = createActivities({
    db: fixture.database.db,
    adapters: {},
    policy: DeliveryPolicy.parse({}),
    tracking: TRACKING,
  });
  worker = await createJourneyWorker({ connection: native, taskQueue, activities });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await native?.close();
  await fixture?.close();
  await connection?.close();
});

async function publish(name: string, definition: unknown): Promise<string> {
  const created = await fixture.app.inject({
    method: 'POST',
    url: '/v1/journeys',
    headers: ADMIN,
    payload: { name, definition },
  });
  const journeyId: string = created.json().id;
  const published = await fixture.app.inject({
    method: 'POST',
    url: `/v1/journeys/${journeyId}/publish`,
    headers: ADMIN,
  });
  expect(published.statusCode, published.body).toBe(201);
  return journeyId;
}

async function postEvents(batch: Record<string, unknown>[]): Promise<void> {
  const response = await fixture.app.inject({
    method: 'POST',
    url: '/v1/events',
    headers: ADMIN,
    payload: { events: batch },
  });
  expect(response.statusCode, response.body).toBe(202);
}

const unrouted = async () =>
  (await fixture.database.db.select({ id: events.id }).from(events).where(isNull(events.routedAt))).length;

/** A journey that keeps its clients for a month unless they buy. */
function sleepyJourney(entryType: string, reentry: 'once' | 'afterExit') {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: entryType } } } },
      { id: 'nap', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { id: 'a', source: 'entry', sourcePort: 'out', target: 'nap' },
      { id: 'b', source: 'nap', sourcePort: 'out', target: 'done' },
    ],
    goal: { event: { type: 'purchase' } },
    settings: { reentry },
  };
}

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
    await waitUntil(async () => (await enrolled()).length === 300 && (await unrouted()) === 0, 60_000);
    expect(new Set((await enrolled()).map((row) => row.clientId)).size).toBe(300);
  }, 90_000);

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
    await waitUntil(async () => (await unrouted()) === 0, 60_000);
    const [client] = await fixture.database.db
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.externalId, 'flooder'));
    const temporal = new Client({ connection });
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
    const active = await fixture.database.db
      .select({ journeyId: enrollments.journeyId })
      .from(enrollments)
      .where(and(eq(enrollments.clientId, client!.id), eq(enrollments.status, 'active')));
    expect(active.map((row) => row.journeyId).sort()).toEqual([onceId, afterExitId].sort());

    // The run still answers at once: the next purchase converts it.
    await postEvents([{ idempotencyKey: 'buy', clientId: 'flooder', type: 'purchase', occurredAt }]);
    const result = await temporal.workflow.getHandle(journeyWorkflowId(onceId, client!.id)).result();
    expect(result).toMatchObject({ status: 'completed', reason: 'converted' });
  }, 120_000);
});
