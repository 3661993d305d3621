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
