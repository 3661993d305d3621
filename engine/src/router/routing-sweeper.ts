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
  let isStopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const drain = async () => {
    const total: RoutingReport = { routed: 0, enrollmentsStarted: 0, signalsSent: 0 };
    while (!isStopped) {
      const report = await options.router.sweepUnroutedEvents(options.batchSize);
      total.routed += report.routed;
      total.enrollmentsStarted += report.enrollmentsStarted;
      total.signalsSent += report.signalsSent;
      if (report.routed === 0) break;
    }
    if (total.routed > 0) options.onPass?.(total);
  };
  const tick = () => {
    timer = null;
    running = drain()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!isStopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);

  return {
    async stop() {
      isStopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
}
