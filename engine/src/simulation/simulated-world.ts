import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '@touchpoint/activities';
import type { DeliveryPolicy, TrackingConfig } from '@touchpoint/channels';
import type { Database } from '@touchpoint/db';
import type { ChannelKind } from '@touchpoint/language';
import { createStartAudiencePage } from '../temporal/start-audience-page';
import { createStartJourney } from '../temporal/start-journey';
import { createJourneyWorker } from '../worker/create-worker';
import { createCapturedAdapters, type CapturedMessages } from './captured-channels';
import { simulationWorkflowBundle } from './simulation-bundle';
import { startTimeSkippingServer } from './time-skipping-server';

/** What a simulation runs with, from the live deployment: its policy, channels and link settings. */
export interface SimulationSettings {
  policy: DeliveryPolicy;
  /** The channels the deployment sends on (`configuredChannels`); each is captured, none delivered. */
  channels: readonly ChannelKind[];
  tracking: TrackingConfig;
}

/** A running simulation: its own clock, its own worker, the scratch database. */
export interface SimulatedWorld {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  captured: CapturedMessages;
  /** Runs `drive` with the worker polling, then stops the worker. */
  run<T>(drive: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The activity's clock. In a simulated run it is the time Temporal scheduled the attempt at, which
 * on the time-skipping server is simulated time, so quiet hours and caps are judged at the moment
 * the run is at, not at the wall clock's.
 */
function scheduledTime(): Date {
  return new Date(Context.current().info.currentAttemptScheduledTimestampMs);
}

/**
 * Starts a fresh time-skipping server (its clock follows the wall clock until a run skips ahead, so a
 * real client's stored dates mean what they mean live) and a journey worker with the real activities over the scratch
 * database, the real policy, and capturing channels.
 */
export async function openSimulatedWorld(
  scratch: Database,
  settings: SimulationSettings,
): Promise<SimulatedWorld> {
  const [env, workflowBundle] = await Promise.all([startTimeSkippingServer(), simulationWorkflowBundle()]);
  try {
    const taskQueue = `simulation-${randomUUID()}`;
    const captured: CapturedMessages = new Map();
    const starterDeps = { db: scratch, client: env.client, taskQueue, useSearchAttributes: false };
    const activities = createActivities({
      db: scratch,
      startJourney: createStartJourney(starterDeps),
      startAudiencePage: createStartAudiencePage(starterDeps),
      adapters: createCapturedAdapters(settings.channels, captured),
      policy: settings.policy,
      tracking: settings.tracking,
      now: scheduledTime,
    });
    const worker = await createJourneyWorker({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      workflowBundle,
    });
    let hasRun = false;
    return {
      env,
      taskQueue,
      captured,
      run: (drive) => {
        hasRun = true;
        return worker.runUntil(drive);
      },
      async close() {
        // A worker holds the server's connection until it has run and stopped: the world made ready
        // for a run that never came starts and stops its worker at once, so the server can go.
        if (!hasRun) await worker.runUntil(Promise.resolve());
        await env.teardown();
      },
    };
  } catch (error) {
    await env.teardown();
    throw error;
  }
}
