import type { JourneyDefinition } from '@touchpoint/language';
import type { History } from '@temporalio/common/lib/proto-utils';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getEventCountQuery,
  signalClientEvent,
  signalClientEvents,
  type ClientEvent,
} from '@touchpoint/engine/temporal/index';
import { startEngineFixture } from './engine-fixture';
import { fetchRunHistories } from './history-chain';
import type { EngineFixture } from './engine-fixture';

// The real dev server: it is the one that force-fails a workflow task when signals pile up during
// it and rejects signals while a run is closing, which the time-skipping server does not reproduce.
let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture({ server: 'dev' });
});
afterAll(async () => {
  await fixture?.close();
});

const HISTORY_LIMIT = 300;
const EVENTS = 10_000;
const BATCH = 10;

const journey: z.input<typeof JourneyDefinition> = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 365, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: 'pause' },
    { id: 'b', source: 'pause', sourcePort: 'out', target: 'done' },
  ],
  goal: { event: { type: 'purchase' } },
};

/** Workflow tasks completed from the first one started at or past the limit to the run's end. */
function tasksCompletedPastLimit(run: History): number {
  const events = run.events ?? [];
  const first = events.findIndex(
    (event) => event.workflowTaskStartedEventAttributes && Number(event.eventId) >= HISTORY_LIMIT,
  );
  expect(first).toBeGreaterThan(-1);
  return events.slice(first).filter((event) => event.workflowTaskCompletedEventAttributes).length;
}

describe('a journey under a flood of events', () => {
  it(
    'keeps every run history bounded through 10,000 events, then still converts',
    { timeout: 180_000 }, // a 10,000-event flood runs 4-5x slower on a loaded machine
    async () => {
      const clientId = await fixture.createClient();
      const journeyId = await fixture.createJourney(journey);
      const handle = await fixture.enroll(journeyId, clientId, journey, { historyLimit: HISTORY_LIMIT });
      const occurredAt = new Date().toISOString();
      const flood: ClientEvent[] = Array.from({ length: EVENTS }, (_, index) => ({
        eventId: `view-${index}`,
        type: 'page.view',
        occurredAt,
        properties: {},
      }));
      // The flood through the router's own signalling, one routing pass of 10 events after another
      // with no pause between them, as a router draining one client's backlog hands it over.
      for (let start = 0; start < EVENTS; start += BATCH) {
        await signalClientEvents(fixture.client, handle.workflowId, flood.slice(start, start + BATCH));
      }
      const current = fixture.client.workflow.getHandle(handle.workflowId);
      expect(await current.query(getEventCountQuery)).toBe(EVENTS);

      const runs = await fetchRunHistories(fixture.client, handle.workflowId, handle.firstExecutionRunId);
      // 1,000 signals of 10 events, each with its workflow task, would be ~4,000 events in one run.
      expect(runs.length).toBeGreaterThan(3);
      for (const run of runs.slice(0, -1)) {
        // A run continues as new at the first safe point past the limit: the first workflow task that
        // sees the limit ends the run (one more when it must first record its batched writes). What
        // piles up meanwhile are signals, as many as arrive while that task runs, so the event count
        // past the limit depends on the machine's speed and is not the measure.
        expect(tasksCompletedPastLimit(run)).toBeLessThanOrEqual(2);
        expect(run.events!.length).toBeLessThan(HISTORY_LIMIT * 2);
      }

      await signalClientEvent(fixture.client, handle.workflowId, {
        eventId: 'buy',
        type: 'purchase',
        occurredAt,
        properties: {},
      });
      const result = await current.result();
      expect(result).toMatchObject({ status: 'completed', reason: 'converted', path: ['entry', 'pause'] });
    },
  );
});
