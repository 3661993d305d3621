import { refreshReportRollups } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import { startRepeatingPass } from '../../background/start-repeating-pass';

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
  const loop = startRepeatingPass({
    intervalMs: options.intervalMs,
    onError: options.onError,
    pass: async () => {
      const pass = await refreshReportRollups(options.db, options.batch);
      return pass.refreshed > 0 || pass.rebuilt > 0;
    },
  });
  return { stop: () => loop.stop() };
}
