/** A background loop started by `startRepeatingPass`. */
export interface RepeatingPass {
  /** Runs the next drain now instead of after the interval (after the one in progress, never beside it). */
  wake(): void;
  /** Stops scheduling; resolves once the pass in progress (if any) has finished. */
  stop(): Promise<void>;
}

export interface RepeatingPassOptions {
  /**
   * One unit of background work. Resolving `true` means more is waiting: it runs again at once, until
   * it resolves anything else (drained), then the loop sleeps `intervalMs`.
   */
  pass: () => Promise<boolean | void>;
  /** Pause between drains. */
  intervalMs: number;
  /** A failed pass ends its drain; the next one starts after the interval, as after any other drain. */
  onError?: (error: unknown) => void;
}

/**
 * The one timer loop behind every background job of an API process (routing sweep, rollup refresh,
 * orphaned-job look): drain, sleep, drain. Drains never overlap — the next is scheduled only when one
 * ends — so a pass needs no guard against itself; several processes may still run the same loop, and
 * each pass makes that safe with its own locks. The timer is unref'd: a background loop must never be
 * what keeps a process (or a test) alive.
 */
export function startRepeatingPass(options: RepeatingPassOptions): RepeatingPass {
  let isStopped = false;
  let isDraining = false;
  // A wake that arrives mid-drain: the drain may already be past the work it was woken for.
  let isWokenMidDrain = false;
  let timer: NodeJS.Timeout | null = null;
  let draining: Promise<void> = Promise.resolve();

  const drain = async () => {
    while (!isStopped && (await options.pass()) === true);
  };
  const schedule = (delayMs: number) => {
    if (isStopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = () => {
    timer = null;
    isDraining = true;
    draining = drain()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        isDraining = false;
        schedule(isWokenMidDrain ? 0 : options.intervalMs);
        isWokenMidDrain = false;
      });
  };
  schedule(0);

  return {
    wake() {
      if (isDraining) isWokenMidDrain = true;
      else schedule(0);
    },
    async stop() {
      isStopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await draining;
    },
  };
}
