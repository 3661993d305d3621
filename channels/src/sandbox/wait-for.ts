/** Polls `done` whenever something arrives, until it holds or the timeout passes. */
export function waitFor(done: () => boolean, waiters: Set<() => void>, timeoutMs: number): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const wake = () => {
      if (!done()) return;
      clearTimeout(timer);
      waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(() => {
      waiters.delete(wake);
      reject(new Error(`sandbox: condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    waiters.add(wake);
  });
}
