/** Reports progress often; writes it at most once per interval, never two writes at once. */
export interface ThrottledProgress {
  report(done: number): void;
  /** Drops what is not yet written and waits for the write in flight. */
  close(): Promise<void>;
}

/**
 * A forecast reports progress after every simulated day of every version, a store write each time
 * would be hundreds for one job. Here the latest value is written at most once per `intervalMs`, and
 * a value reported in a quiet spell is written when the interval ends (nothing waits for the next
 * report). A failed write is handed to `onError` and skipped: the job's end is written anyway.
 */
export function throttleProgress(
  write: (done: number) => Promise<void>,
  options: { intervalMs: number; onError(error: unknown): void },
): ThrottledProgress {
  let pending: number | null = null;
  let lastWriteAt = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let isClosed = false;

  const schedule = () => {
    if (timer !== null || inFlight !== null || pending === null || isClosed) return;
    timer = setTimeout(flush, Math.max(0, lastWriteAt + options.intervalMs - Date.now()));
  };
  const flush = () => {
    timer = null;
    const done = pending!;
    pending = null;
    inFlight = write(done)
      .catch(options.onError)
      .finally(() => {
        inFlight = null;
        lastWriteAt = Date.now();
        schedule();
      });
  };

  return {
    report(done) {
      pending = done;
      schedule();
    },
    async close() {
      isClosed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}
