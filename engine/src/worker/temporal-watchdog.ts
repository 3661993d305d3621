/** Options of {@link watchTemporal}. */
export interface TemporalWatchdogOptions {
  /** Resolves `{ ok: true }` while the frontend answers. */
  check: () => Promise<{ ok: boolean; detail?: string }>;
  /** How long Temporal may stay unreachable before `onLost` is called. */
  limitMs: number;
  intervalMs?: number;
  onLost: (detail: string) => void;
  /** Each failed check while the limit is not reached yet. */
  onFailure?: (detail: string, unreachableMs: number) => void;
}

/**
 * Checks the Temporal frontend every `intervalMs`. A worker whose server is gone keeps polling
 * forever and looks alive, so past `limitMs` without one good answer the process is told to end:
 * its supervisor (compose, Kubernetes, systemd) restarts it and says so, instead of a silent stall.
 */
export function watchTemporal(options: TemporalWatchdogOptions): { stop(): void } {
  const intervalMs = options.intervalMs ?? Math.min(5_000, Math.max(250, options.limitMs / 4));
  let lastGood = Date.now();
  let isChecking = false;
  const timer = setInterval(() => {
    if (isChecking) return;
    isChecking = true;
    void options
      .check()
      .then((result) => {
        if (result.ok) {
          lastGood = Date.now();
          return;
        }
        const unreachableMs = Date.now() - lastGood;
        const detail = result.detail ?? 'unreachable';
        if (unreachableMs >= options.limitMs) {
          clearInterval(timer);
          options.onLost(detail);
        } else {
          options.onFailure?.(detail, unreachableMs);
        }
      })
      .finally(() => (isChecking = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
