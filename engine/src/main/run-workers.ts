import {
  Worker,
  type ActivityInterceptorsFactory,
  type NativeConnection,
  type WorkerPlugin,
} from '@temporalio/worker';
import { SEND_TASK_QUEUES, type Activities, type SendActivities } from '@touchpoint/activities';
import type { ChannelKind } from '@touchpoint/channels';
import { createJourneyWorker } from '../worker/create-worker';
import { DEFAULT_CHANNEL_LIMITS, type ChannelLimit, type ChannelLimits } from './channel-limits';
import type { JourneyWorkerSizing } from '../worker/create-worker';

/** The default sends a second per channel queue (cluster-wide); see `DEFAULT_CHANNEL_LIMITS`. */
export const CHANNEL_RATE_LIMITS = mapLimits((limit) => limit.sendsPerSecond);

/** The default sends in flight per channel worker; see `DEFAULT_CHANNEL_LIMITS`. */
export const CHANNEL_CONCURRENCY = mapLimits((limit) => limit.inFlight);

function mapLimits(pick: (limit: ChannelLimit) => number): Record<ChannelKind, number> {
  const entries = Object.entries(DEFAULT_CHANNEL_LIMITS) as [ChannelKind, ChannelLimit][];
  return Object.fromEntries(entries.map(([channel, limit]) => [channel, pick(limit)])) as Record<
    ChannelKind,
    number
  >;
}

export interface RunningWorkers {
  /** Settles when every worker has stopped; rejects if one fails. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

export interface StartWorkersOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** The per-channel send queues (default `SEND_TASK_QUEUES`); tests sharing a server pass their own. */
  sendTaskQueues?: Record<ChannelKind, string>;
  /** Activity interceptors of every worker (metrics, traces). */
  interceptors?: ActivityInterceptorsFactory[];
  /** Worker plugins (tracing). */
  plugins?: WorkerPlugin[];
  /** Rate and concurrency of each channel's send worker (the `<CHANNEL>_SENDS_*` variables). */
  channelLimits?: ChannelLimits;
  /** Slots and cache of the journey worker (the `WORKER_*` variables); defaults when absent. */
  sizing?: JourneyWorkerSizing;
}

/** Starts the journey worker plus one send-only worker per channel queue. */
export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const limits = options.channelLimits ?? DEFAULT_CHANNEL_LIMITS;
  const sendActivities: SendActivities = {
    sendMessage: options.activities.sendMessage,
    createCallTask: options.activities.createCallTask,
  };
  const workers = [
    await createJourneyWorker({
      connection: options.connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      activities: options.activities,
      ...(options.interceptors ? { activityInterceptors: options.interceptors } : {}),
      plugins: options.plugins ?? [],
      ...options.sizing,
    }),
    ...(await Promise.all(
      (Object.entries(options.sendTaskQueues ?? SEND_TASK_QUEUES) as [ChannelKind, string][]).map(
        ([channel, taskQueue]) =>
          Worker.create({
            connection: options.connection,
            namespace: options.namespace,
            taskQueue,
            activities: sendActivities,
            maxTaskQueueActivitiesPerSecond: limits[channel].sendsPerSecond,
            maxConcurrentActivityTaskExecutions: limits[channel].inFlight,
            interceptors: { activity: options.interceptors ?? [] },
            plugins: options.plugins ?? [],
          }),
      ),
    )),
  ];
  const done = Promise.all(workers.map((worker) => worker.run())).then(() => undefined);
  return {
    done,
    async shutdown() {
      for (const worker of workers) {
        if (worker.getState() === 'RUNNING') worker.shutdown();
      }
      await done;
    },
  };
}
