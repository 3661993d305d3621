import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, journeys } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import { awaitEnrollment } from '@touchpoint/engine/temporal/enroll-client';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/workflow-ids';
import type { z } from 'zod';
import { startEngineFixture } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.close();
});

type Definition = z.input<typeof JourneyDefinition>;
const entry = { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } } as const;

const followUp: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
    { id: 'done', kind: 'exit', config: { reason: 'followed-up' } },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: 'pause' },
    { id: 'b', source: 'pause', sourcePort: 'out', target: 'done' },
  ],
};

const handOver = (journeyId: string): Definition => ({
  schemaVersion: 1,
  nodes: [
    entry,
    { id: 'next', kind: 'startJourney', config: { journeyId } },
    { id: 'done', kind: 'exit', config: { reason: 'handed-over' } },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: 'next' },
    { id: 'b', source: 'next', sourcePort: 'out', target: 'done' },
  ],
});

describe('the startJourney node', () => {
  it('enrolls the client in the target journey’s published version and goes on', async () => {
    const clientId = await fixture.createClient();
    const targetId = await fixture.createJourney(followUp);
    const definition = handOver(targetId);
    const sourceId = await fixture.createJourney(definition);

    const handle = await fixture.enroll(sourceId, clientId, definition);
    expect(await handle.result()).toMatchObject({ status: 'completed', reason: 'handed-over' });
    const followed = await awaitEnrollment(fixture.client, journeyWorkflowId(targetId, clientId));
    expect(followed).toMatchObject({
      status: 'completed',
      reason: 'followed-up',
      path: ['entry', 'pause', 'done'],
    });
    const rows = await fixture.db.select().from(enrollments).where(eq(enrollments.journeyId, targetId));
    expect(rows).toMatchObject([{ clientId, source: 'journey', journeyVersion: 1, status: 'completed' }]);
  });

  it('is idempotent on the start request and respects the target’s status', async () => {
    const clientId = await fixture.createClient();
    const targetId = await fixture.createJourney(followUp);
    const request = {
      journeyId: targetId,
      clientId,
      enrollmentKey: 'wf-x:3',
      fromJourneyId: targetId,
      source: 'journey' as const,
    };

    const first = await fixture.startJourney(request);
    const retried = await fixture.startJourney(request);
    expect(first.status).toBe('started');
    expect(retried).toEqual({ status: 'alreadyRunning', workflowId: journeyWorkflowId(targetId, clientId) });
    await awaitEnrollment(fixture.client, journeyWorkflowId(targetId, clientId));
    // Once the run ended, the same request still reports it rather than enrolling again.
    expect(await fixture.startJourney(request)).toMatchObject({ status: 'started' });
    // Another request meets the target's re-entry policy (`once`).
    expect(await fixture.startJourney({ ...request, enrollmentKey: 'wf-y:1' })).toEqual({
      status: 'notStarted',
      reason: 'reentry:once',
    });
    const rows = await fixture.db.select().from(enrollments).where(eq(enrollments.journeyId, targetId));
    expect(rows).toHaveLength(1);

    await fixture.db.update(journeys).set({ status: 'paused' }).where(eq(journeys.id, targetId));
    expect(await fixture.startJourney({ ...request, enrollmentKey: 'wf-z:1' })).toEqual({
      status: 'notStarted',
      reason: 'journeyNotActive',
    });
  });
});
