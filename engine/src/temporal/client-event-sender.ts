import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import { clientEventsSignal } from '../workflows/signals';
import type { ClientEvent } from '../workflows/signals';

/** At most this many events per signal: far below the 2 MB payload limit and the server's buffer of ~100. */
export const MAX_EVENTS_PER_SIGNAL = 100;

// gRPC FAILED_PRECONDITION: the server answers "workflow is closing" while a run that tried to close
// (continue as new) waits to handle signals that arrived meanwhile. The next run accepts them.
const FAILED_PRECONDITION = 9;
const CLOSING_RETRY_MS = [20, 50, 100, 200, 500, 1_000, 2_000] as const;

function isClosingRejection(error: unknown): boolean {
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === FAILED_PRECONDITION;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function signalWithRetry(client: Client, workflowId: string, events: ClientEvent[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await client.workflow.getHandle(workflowId).signal(clientEventsSignal, { events });
      return;
    } catch (error) {
      const wait = CLOSING_RETRY_MS[attempt];
      if (wait === undefined || !isClosingRejection(error)) throw error;
      await delay(wait);
    }
  }
}

/**
 * Delivers events to one enrollment in order, {@link MAX_EVENTS_PER_SIGNAL} per `clientEventsSignal`,
 * one signal at a time. A run that is closing to continue as new rejects signals for a moment; they
 * are retried, so the events land in the next run. Redelivery is harmless (workflows dedupe by id).
 */
export async function signalClientEvents(
  client: Client,
  workflowId: string,
  events: readonly ClientEvent[],
): Promise<void> {
  for (let start = 0; start < events.length; start += MAX_EVENTS_PER_SIGNAL) {
    await signalWithRetry(client, workflowId, events.slice(start, start + MAX_EVENTS_PER_SIGNAL));
  }
}

/** Options of {@link createClientEventSender}. */
export interface ClientEventSenderOptions {
  /** Events per signal (default and maximum {@link MAX_EVENTS_PER_SIGNAL}). */
  maxBatch?: number;
  /**
   * Pause between two signals to the same enrollment (default 20 ms). It leaves the worker room to
   * finish a workflow task between signals: a run can only continue as new in a task during which
   * no signal arrived, so an unpaced flood would keep its history growing.
   */
  minIntervalMs?: number;
}

/** Coalesces events per enrollment: see {@link createClientEventSender}. */
export interface ClientEventSender {
  /** Queues one event; settles once the signal carrying it was accepted (or failed). */
  send(workflowId: string, event: ClientEvent): Promise<void>;
}

interface Pending {
  event: ClientEvent;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * A per-enrollment mailbox for bursts (one client producing events faster than a workflow task
 * takes): events to the same workflow are batched into `clientEventsSignal`s, with one signal in
 * flight per workflow and a short pause between signals. Latency added to an event is at most one
 * signal round trip plus `minIntervalMs`; order per workflow is kept.
 */
export function createClientEventSender(
  client: Client,
  options: ClientEventSenderOptions = {},
): ClientEventSender {
  const maxBatch = Math.min(options.maxBatch ?? MAX_EVENTS_PER_SIGNAL, MAX_EVENTS_PER_SIGNAL);
  const minIntervalMs = options.minIntervalMs ?? 20;
  const mailboxes = new Map<string, Pending[]>();

  async function drain(workflowId: string, queue: Pending[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        await signalWithRetry(
          client,
          workflowId,
          batch.map((item) => item.event),
        );
        batch.forEach((item) => item.resolve());
      } catch (error) {
        batch.forEach((item) => item.reject(error));
      }
      if (queue.length > 0) await delay(minIntervalMs);
    }
    mailboxes.delete(workflowId);
  }

  return {
    send(workflowId, event) {
      return new Promise<void>((resolve, reject) => {
        const queue = mailboxes.get(workflowId);
        if (queue) {
          queue.push({ event, resolve, reject });
          return;
        }
        const fresh = [{ event, resolve, reject }];
        mailboxes.set(workflowId, fresh);
        // Starts on the next tick, so events queued in the same tick share the first signal.
        setImmediate(() => void drain(workflowId, fresh));
      });
    },
  };
}
