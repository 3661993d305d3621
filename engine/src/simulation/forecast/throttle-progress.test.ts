import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleProgress } from './throttle-progress';

describe('throttleProgress', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function recorder() {
    const written: number[] = [];
    const progress = throttleProgress(async (done) => void written.push(done), {
      intervalMs: 500,
      onError: (error) => {
        throw error;
      },
    });
    return { written, progress };
  }

  it('writes the latest of many reports once per interval', async () => {
    const { written, progress } = recorder();
    for (let done = 1; done <= 100; done += 1) progress.report(done);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(written).toEqual([100]);
    for (let done = 101; done <= 200; done += 1) {
      progress.report(done);
      await vi.advanceTimersByTimeAsync(10);
    }
    // 1 s of reports every 10 ms: two writes, each of the latest value at its moment.
    expect(written).toEqual([100, 150, 200]);
    await progress.close();
  });

  it('writes a value reported in a quiet spell when the interval ends', async () => {
    const { written, progress } = recorder();
    await vi.advanceTimersByTimeAsync(2_000);
    progress.report(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(written).toEqual([7]);
    progress.report(8);
    await vi.advanceTimersByTimeAsync(499);
    expect(written).toEqual([7]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual([7, 8]);
    await progress.close();
  });

  it('never overlaps two writes and writes nothing once closed', async () => {
    let running = 0;
    let most = 0;
    const written: number[] = [];
    const progress = throttleProgress(
      async (done) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        written.push(done);
        running -= 1;
      },
      { intervalMs: 100, onError: () => undefined },
    );
    for (let done = 1; done <= 50; done += 1) {
      progress.report(done);
      await vi.advanceTimersByTimeAsync(100);
    }
    const closed = progress.close();
    await vi.advanceTimersByTimeAsync(2_000);
    await closed;
    const atClose = [...written];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(most).toBe(1);
    expect(written).toEqual(atClose);
    expect(written.length).toBeGreaterThan(0);
  });
});
