import { describe, expect, it } from 'vitest';
import { decideCheckpointWait, daysToCheckpoint } from './checkpoint';

const DAY = 86_400_000;
const days = (amount: number) => ({ amount, unit: 'days' as const });

describe('decideCheckpointWait', () => {
  it('waits until checkpoint minus offset when that is still ahead', () => {
    const decision = decideCheckpointWait({ now: 0, checkpoint: 60 * DAY, offset: days(-3), policy: 'skip' });
    expect(decision).toEqual({ action: 'wait', until: 57 * DAY });
  });

  it('skips a passed moment under the skip policy', () => {
    const decision = decideCheckpointWait({
      now: 70 * DAY,
      checkpoint: 60 * DAY,
      offset: days(5),
      policy: 'skip',
    });
    expect(decision).toEqual({ action: 'skip', reason: 'checkpointPassed' });
  });

  it('runs a passed moment once under runNow when the next step is still ahead', () => {
    const input = { now: 70 * DAY, checkpoint: 60 * DAY, offset: days(5), policy: 'runNow' as const };
    expect(decideCheckpointWait({ ...input, nextOffset: days(12) })).toEqual({ action: 'run' });
  });

  it('never bursts: a passed step is skipped when the next one is passed too', () => {
    const input = { now: 75 * DAY, checkpoint: 60 * DAY, offset: days(5), policy: 'runNow' as const };
    expect(decideCheckpointWait({ ...input, nextOffset: days(12) })).toEqual({
      action: 'skip',
      reason: 'supersededByLaterStep',
    });
  });

  it('re-times when the checkpoint moves later', () => {
    const before = decideCheckpointWait({
      now: 50 * DAY,
      checkpoint: 60 * DAY,
      offset: days(5),
      policy: 'skip',
    });
    const after = decideCheckpointWait({
      now: 50 * DAY,
      checkpoint: 110 * DAY,
      offset: days(5),
      policy: 'skip',
    });
    expect(before).toEqual({ action: 'wait', until: 65 * DAY });
    expect(after).toEqual({ action: 'wait', until: 115 * DAY });
  });

  it('skips clients without a checkpoint', () => {
    expect(decideCheckpointWait({ now: 0, checkpoint: null, offset: days(0), policy: 'runNow' })).toEqual({
      action: 'skip',
      reason: 'noCheckpoint',
    });
  });
});

describe('daysToCheckpoint', () => {
  it('counts whole days, negative once passed', () => {
    expect(daysToCheckpoint(0, 3 * DAY + 5)).toBe(3);
    expect(daysToCheckpoint(10 * DAY, 7 * DAY)).toBe(-3);
  });
});
