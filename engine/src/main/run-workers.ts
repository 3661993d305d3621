import {
  Worker,
  type ActivityInterceptorsFactory,
  type NativeConnection,
  type WorkerPlugin,
} from '@temporalio/worker';
import { SEND_TASK_QUEUES, type Activities, type SendActivities } from '@touchpoint/activities';
import type { ChannelKind } from '@touchpoint/channels';
import { createJourneyWorker } from '../worker/create-worker';
import type { JourneyWorkerSizing } from '../worker/create-worker';

/**
 * Provider rate limits, per channel queue and across all workers of the cluster: a slow or throttled
 * SMS provider backs up its own queue, never the email queue.
 */
export const CHANNEL_RATE_LIMITS: Record<ChannelKind, number> = { email: 50, sms: 10, call: 5, webhook: 20 };

/**
 * Sends in flight per channel worker. Each holds one database connection for as long as its
 * provider has the message (the visit's lease, see `withVisitLease`), so a slow provider could
 * otherwise take every connection of the pool and stall the other channels and the journeys.
 */
export const CHANNEL_CONCURRENCY: Record<ChannelKind, number> = { email: 10, sms: 10, call: 5, webhook: 10 };

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
  /** Slots and cache of the journey worker (the `WORKER_*` variables); defaults when absent. */
  sizing?: JourneyWorkerSizing;
}

/** Starts the journey worker plus one send-only worker per channel queue. */
export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
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
            maxTaskQueueActivitiesPerSecond: CHANNEL_RATE_LIMITS[channel],
            maxConcurrentActivityTaskExecutions: CHANNEL_CONCURRENCY[channel],
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
