import { refreshReportRollups, type Database } from '@touchpoint/db';

/** A running refresher; `stop()` resolves once the pass in progress (if any) has finished. */
export interface ReportRollupRefresher {
  stop(): Promise<void>;
}

export interface ReportRollupRefresherOptions {
  db: Database;
  /** Pause after the backlog is drained (the staleness bound under light load; docs/metrics.md). */
  intervalMs: number;
  /** Clients per pass (one transaction). */
  batch?: number;
  onError?: (error: unknown) => void;
}

/**
 * Keeps the report rollups current: each tick runs refresh passes (dirty clients, then the next
 * chunk of a rebuild) until nothing is left, then sleeps `intervalMs`. Ticks never overlap; several
 * API processes may run one each, since every pass takes the rollup lock and claims with `skip locked`.
 */
export function startReportRollupRefresher(options: ReportRollupRefresherOptions): ReportRollupRefresher {
  let isStopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const drain = async () => {
    while (!isStopped) {
      const pass = await refreshReportRollups(options.db, options.batch);
      if (pass.refreshed === 0 && pass.rebuilt === 0) break;
    }
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
