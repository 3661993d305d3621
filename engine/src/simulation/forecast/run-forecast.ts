import type { ClientRow, Database, JourneyRow } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import type { ForecastRequest, ForecastResult } from '@touchpoint/language/api-contract';
import { createEventRouter, forgetRoutableJourneys } from '../../router';
import { enrollClient, mapWithLimit } from '../../temporal';
import { copyJourneyAndCatalog } from '../copy-into-scratch';
import type { SimulatedWorld } from '../simulated-world';
import { copyAudienceIntoScratch } from './copy-audience-into-scratch';
import { DAY_MS, driveForecast } from './drive-forecast';
import { readForecast } from './read-forecast';
import { waitForQuietRuns } from './wait-for-quiet-runs';

/** Workflow starts in flight at once while the audience enters. */
const ENROLL_CONCURRENCY = 16;

/** One version's forecast over an audience already resolved in the real database. */
export interface ForecastRun {
  journey: JourneyRow;
  version: { label: 'draft' | number; number: number; definition: JourneyDefinition };
  audience: readonly ClientRow[];
  request: ForecastRequest;
  /** The real moment the forecast starts from (epoch ms). */
  realStartMs: number;
  /** After each simulated day. */
  onDay(day: number): void;
}

/**
 * Runs the whole audience through one version in one simulated world, over the emptied scratch
 * database: the audience enters as a manual enrollment would take them, then the clock moves to the
 * horizon with their behaviour fed in through the router, and the figures are read as the live
 * stats would read them. The real moment `realStartMs` is laid on the world's start, so every date
 * of a client's history keeps its distance to the run's start.
 */
export async function runForecast(
  real: Database,
  scratch: Database,
  world: SimulatedWorld,
  run: ForecastRun,
): Promise<Omit<ForecastResult, 'elapsedMs'>> {
  const startMs = await world.env.currentTimeMs();
  const { journey, version, request } = run;
  // The scratch journey is live on the forecast version, so the router treats it as it would live.
  await copyJourneyAndCatalog(
    real,
    scratch,
    { ...journey, status: 'active', currentVersion: version.number },
    version,
  );
  forgetRoutableJourneys(scratch);
  const horizonMs = request.horizonDays * DAY_MS;
  const copied = await copyAudienceIntoScratch(real, scratch, run.audience, {
    realStartMs: run.realStartMs,
    shiftMs: startMs - run.realStartMs,
    horizonMs,
  });
  // The router judges entry windows by its clock: here the simulated one, as the driver moves it.
  const clock = { nowMs: startMs };
  const router = createEventRouter({
    db: scratch,
    temporal: world.env.client,
    taskQueue: world.taskQueue,
    now: () => clock.nowMs,
  });
  await world.run(async () => {
    const workflowIds = await mapWithLimit(run.audience, ENROLL_CONCURRENCY, async (client) => {
      const handle = await enrollClient(world.env.client, {
        journeyId: journey.id,
        journeyVersion: version.number,
        clientId: client.id,
        definition: version.definition,
        reentry: version.definition.settings.reentry,
        enrollmentKey: 'forecast',
        source: 'manual',
        taskQueue: world.taskQueue,
        useSearchAttributes: false,
      });
      return handle.workflowId;
    });
    await driveForecast(world, scratch, router, {
      startMs,
      clock,
      horizonDays: request.horizonDays,
      behaviour: request.behaviour,
      replay: request.behaviour.kind === 'history' ? copied.replay : [],
      externalIds: copied.externalIds,
      onDay: run.onDay,
    });
    await waitForQuietRuns(world.env.client, workflowIds);
  });
  const figures = await readForecast(
    scratch,
    { journeyId: journey.id, version: version.number, definition: version.definition },
    { startMs, horizonDays: request.horizonDays },
  );
  return {
    journeyId: journey.id,
    version: version.label,
    clients: run.audience.length,
    horizonDays: request.horizonDays,
    ...figures,
  };
}
