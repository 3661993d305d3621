import { and, clients, enrollments, eq, inArray } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { ADMIN } from './api-fixture';
import { createRoutedApiFixture, sleepyJourney } from './routed-api-fixture';
import type { RoutedApiFixture } from './routed-api-fixture';

let fixture: RoutedApiFixture;
beforeAll(async () => {
  fixture = await createRoutedApiFixture();
});
afterAll(async () => {
  await fixture?.close();
});

const post = (url: string, payload?: Record<string, unknown>) =>
  fixture.app.inject({ method: 'POST', url, headers: ADMIN, ...(payload === undefined ? {} : { payload }) });
const get = (url: string) => fixture.app.inject({ method: 'GET', url, headers: ADMIN });

/** Publishes a month-long journey and enrolls `count` clients through POST /v1/events. */
async function journeyWithClientsInside(name: string, count: number): Promise<string> {
  const journeyId = await fixture.publish(name, sleepyJourney(`${name}.visit`));
  const occurredAt = new Date().toISOString();
  await fixture.postEvents(
    Array.from({ length: count }, (_, i) => ({
      idempotencyKey: `${name}-${i}`,
      clientId: `${name}-client-${i}`,
      type: `${name}.visit`,
      occurredAt,
    })),
  );
  await waitUntil(async () => (await enrollmentsOf(journeyId, 'active')).length === count, 60_000);
  return journeyId;
}

function enrollmentsOf(journeyId: string, status: 'active' | 'exited') {
  return fixture.database.db
    .select({ reason: enrollments.exitReason })
    .from(enrollments)
    .where(and(eq(enrollments.journeyId, journeyId), eq(enrollments.status, status)));
}

/** Polls the exit job until it is done and every client has left; returns its last answer. */
async function waitForExitJob(journeyId: string, total: number): Promise<Record<string, unknown>> {
  let job: Record<string, unknown> = {};
  await waitUntil(async () => {
    const response = await get(`/v1/journeys/${journeyId}/exit-job`);
    expect(response.statusCode, response.body).toBe(200);
    job = response.json();
    return job['status'] === 'completed' && job['left'] === total;
  }, 60_000);
  return job;
}

describe('pausing and archiving a journey with clients inside', () => {
  it('pauses with clients continuing by default, or makes them leave now with reason journeyPaused', async () => {
    const journeyId = await journeyWithClientsInside('pausable', 30);
    expect((await get(`/v1/journeys/${journeyId}/exit-job`)).statusCode).toBe(404);

    const kept = await post(`/v1/journeys/${journeyId}/pause`, { inFlight: 'continue' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'paused', exitJob: null });
    expect((await post(`/v1/journeys/${journeyId}/resume`)).json()).toMatchObject({ status: 'active' });

    const left = await post(`/v1/journeys/${journeyId}/pause`, { inFlight: 'leave' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({
      status: 'paused',
      exitJob: { reason: 'journeyPaused', total: 30, status: 'running' },
    });
    const job = await waitForExitJob(journeyId, 30);
    expect(job).toMatchObject({ reason: 'journeyPaused', total: 30, signalled: 30, left: 30 });
    expect(await enrollmentsOf(journeyId, 'active')).toEqual([]);
    const exited = await enrollmentsOf(journeyId, 'exited');
    expect(exited).toHaveLength(30);
    expect(new Set(exited.map((row) => row.reason))).toEqual(new Set(['journeyPaused']));
  }, 120_000);

  it('archives a journey and every client inside leaves with reason journeyArchived', async () => {
    const journeyId = await journeyWithClientsInside('archivable', 20);
    const archived = await post(`/v1/journeys/${journeyId}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({
      status: 'archived',
      exitJob: { reason: 'journeyArchived', total: 20 },
    });
    await waitForExitJob(journeyId, 20);
    const exited = await enrollmentsOf(journeyId, 'exited');
    expect(exited.map((row) => row.reason)).toEqual(Array(20).fill('journeyArchived'));

    // A client of an archived journey is not enrolled again by its entry event.
    const [first] = await fixture.database.db
      .select({ id: clients.id })
      .from(clients)
      .where(inArray(clients.externalId, ['archivable-client-0']));
    await fixture.postEvents([
      {
        idempotencyKey: 'again',
        clientId: 'archivable-client-0',
        type: 'archivable.visit',
        occurredAt: new Date().toISOString(),
      },
    ]);
    await waitUntil(async () => (await fixture.countUnrouted()) === 0, 30_000);
    const runs = await fixture.database.db
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.journeyId, journeyId), eq(enrollments.clientId, first!.id)));
    expect(runs).toHaveLength(1);
  }, 120_000);

  it('answers 400 naming body.inFlight for an unknown choice, and 409 for pausing twice', async () => {
    const journeyId = await fixture.publish('strict', sleepyJourney('strict.visit'));
    const bad = await post(`/v1/journeys/${journeyId}/pause`, { inFlight: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('inFlight');
    expect((await post(`/v1/journeys/${journeyId}/pause`)).json()).toMatchObject({
      status: 'paused',
      exitJob: null,
    });
    expect((await post(`/v1/journeys/${journeyId}/pause`, { inFlight: 'leave' })).statusCode).toBe(409);
  });
});
