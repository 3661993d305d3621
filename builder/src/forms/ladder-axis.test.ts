import { describe, expect, it } from 'vitest';
import { readAxisRungs } from './ladder-axis';

describe('ladder axis', () => {
  it('reads rungs in days from the checkpoint, whatever unit they were written in', () => {
    const rungs = readAxisRungs({
      rungs: [
        { id: 'remind', offset: { amount: -72, unit: 'hours' }, channels: ['email'] },
        { id: 'call', offset: { amount: 2, unit: 'weeks' }, channels: ['call'] },
      ],
    });
    expect(rungs.map((rung) => [rung.id, rung.days])).toEqual([
      ['remind', -3],
      ['call', 14],
    ]);
  });
});
