import { startRepeatingPass } from '../background/start-repeating-pass';
import type { EventRouter, RoutingReport } from './route-events';

/** A running sweeper; `stop()` resolves once the pass in progress (if any) has finished. */
export interface RoutingSweeper {
  stop(): Promise<void>;
}

export interface RoutingSweeperOptions {
  router: EventRouter;
  /** Pause between drains. */
  intervalMs: number;
  /** Events per routing transaction. */
  batchSize?: number;
  /** Reports each drain that routed something, and failures (the next tick retries). */
  onPass?: (report: RoutingReport) => void;
  onError?: (error: unknown) => void;
}

/**
 * Routes whatever the API stored but did not route (a crash, Temporal down, a process that stored
 * only) on a timer: each tick drains the backlog batch by batch, then sleeps `intervalMs`. Ticks never
 * overlap (the next is scheduled when one ends), and several processes may sweep at once because
 * routing locks rows with `skip locked`.
 */
export function startRoutingSweeper(options: RoutingSweeperOptions): RoutingSweeper {
  let total: RoutingReport = { routed: 0, enrollmentsStarted: 0, signalsSent: 0 };
  const loop = startRepeatingPass({
    intervalMs: options.intervalMs,
    onError: options.onError,
    pass: async () => {
      const report = await options.router.sweepUnroutedEvents(options.batchSize);
      total.routed += report.routed;
      total.enrollmentsStarted += report.enrollmentsStarted;
      total.signalsSent += report.signalsSent;
      if (report.routed > 0) return true;
      // Drained: one report per drain that routed something.
      if (total.routed > 0) options.onPass?.(total);
      total = { routed: 0, enrollmentsStarted: 0, signalsSent: 0 };
      return false;
    },
  });
  return { stop: () => loop.stop() };
}
