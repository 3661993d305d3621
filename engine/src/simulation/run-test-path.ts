import type { DeliveryPolicy } from '@touchpoint/channels';
import { clients, eq, type Database, type JourneyRow } from '@touchpoint/db';
import { storeEvents } from '@touchpoint/domain';
import { awaitedEventTypes, daysBetween, offsetTextToMs, type JourneyDefinition } from '@touchpoint/language';
import { MadeUpClient, type TestPathRequest, type TestPathResult } from '@touchpoint/language/api-contract';
import { enrollClient, enrollOnEvents, type EnrollClientInput } from '../temporal/enroll-client';
import { describeUnbegunRun } from './describe-unbegun-run';
import { copyJourneyAndCatalog, copyRealClient, insertMadeUpClient } from './copy-into-scratch';
import { playScript } from './play-script';
import { readTestPath } from './read-test-path';
import type { SimulatedWorld } from './simulated-world';

/** One test path to run: the journey, the version (a draft runs as the next version number), the request. */
export interface TestPathJob {
  journey: JourneyRow;
  version: { label: 'draft' | number; number: number; definition: JourneyDefinition };
  request: TestPathRequest;
}

/** How far back a real client's sends still count against the caps. */
function capWindowMs(policy: DeliveryPolicy): number {
  const caps = [...policy.overallCaps, ...Object.values(policy.channelCaps).flat()];
  return Math.max(0, ...caps.map((cap) => cap.windowHours)) * 3_600_000;
}

async function placeClient(
  real: Database,
  scratch: Database,
  startMs: number,
  job: TestPathJob,
  policy: DeliveryPolicy,
) {
  const id = job.request.clientId
    ? await copyRealClient(real, scratch, job.request.clientId, new Date(startMs), capWindowMs(policy))
    : await insertMadeUpClient(scratch, job.request.client ?? MadeUpClient.parse({}), startMs);
  const [row] = await scratch
    .select({ externalId: clients.externalId })
    .from(clients)
    .where(eq(clients.id, id));
  return { id, externalId: row!.externalId };
}

/** Starts the client's run as live: a manual entry, or signal-with-start carrying the entry event. */
async function enroll(
  scratch: Database,
  world: SimulatedWorld,
  job: TestPathJob,
  client: { id: string; externalId: string },
  startMs: number,
) {
  const input: EnrollClientInput = {
    journeyId: job.journey.id,
    journeyVersion: job.version.number,
    clientId: client.id,
    definition: job.version.definition,
    reentry: job.version.definition.settings.reentry,
    source: job.request.entryEvent ? 'event' : 'manual',
    taskQueue: world.taskQueue,
    useSearchAttributes: false,
  };
  const entry = job.request.entryEvent;
  if (!entry) {
    const handle = await enrollClient(world.env.client, { ...input, enrollmentKey: 'test-path' });
    return handle.workflowId;
  }
  const occurredAt = new Date(startMs);
  const [stored] = await storeEvents(scratch, [
    {
      idempotencyKey: 'test-path:entry',
      clientExternalId: client.externalId,
      type: entry.type,
      occurredAt,
      properties: entry.properties as never,
      source: 'test path',
    },
  ]);
  const event = {
    eventId: String(stored!.eventId),
    type: entry.type,
    occurredAt: occurredAt.toISOString(),
    properties: entry.properties,
  };
  const handle = await enrollOnEvents(world.env.client, input, [event]);
  return handle.workflowId;
}

/**
 * Runs one client through the journey in a fresh simulated world (used for this run only) over the
 * emptied scratch database, and reads back the path the real workflow took.
 */
export async function runTestPath(
  real: Database,
  scratch: Database,
  world: SimulatedWorld,
  policy: DeliveryPolicy,
  job: TestPathJob,
): Promise<Omit<TestPathResult, 'elapsedMs'>> {
  const startMs = await world.env.currentTimeMs();
  await copyJourneyAndCatalog(real, scratch, job.journey, job.version);
  const client = await placeClient(real, scratch, startMs, job, policy);
  const horizonMs = offsetTextToMs(job.request.horizon) ?? 0;
  const played = await world.run(async () => {
    const workflowId = await enroll(scratch, world, job, client, startMs);
    const events = await playScript(world, scratch, {
      workflowId,
      startMs,
      clientExternalId: client.externalId,
      awaited: awaitedEventTypes(job.version.definition),
      events: job.request.events,
      horizonMs,
    });
    return { workflowId, events };
  });
  const path =
    (await readTestPath(scratch, job.version.definition, played.workflowId, startMs, world.captured)) ??
    (await describeUnbegunRun(world.env.client, played.workflowId));
  const last = path.steps.at(-1);
  // A run still waiting is shown up to the horizon; one that never began ended where it started.
  const endedMs =
    path.outcome === 'waiting' ? startMs + horizonMs : last ? Date.parse(last.leftAt ?? last.at) : startMs;
  return {
    journeyId: job.journey.id,
    version: job.version.label,
    startedAt: new Date(startMs).toISOString(),
    endedAt: new Date(endedMs).toISOString(),
    outcome: path.outcome,
    reason: path.reason,
    waitingAt: path.waitingAt,
    steps: path.steps,
    events: played.events.map((event) => ({
      type: event.type,
      at: new Date(startMs + event.atMs).toISOString(),
      day: daysBetween(startMs, startMs + event.atMs),
      delivered: event.delivered,
      note: event.note,
    })),
    callTasks: path.callTasks,
  };
}
