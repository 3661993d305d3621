import { describe, expect, it } from 'vitest';
import { timeAgainstCheckpoint } from './checkpoint-moments';

describe('timeAgainstCheckpoint', () => {
  it('places each step at checkpoint + its offset, before and after', () => {
    const moments = timeAgainstCheckpoint('2026-12-14T10:00:00.000Z', [
      { label: 'remind', offset: { amount: -3, unit: 'days' } },
      { label: 'call', offset: { amount: 14, unit: 'days' } },
      { label: 'soon', offset: { amount: 2, unit: 'hours' } },
    ]);
    expect(moments.map((moment) => [moment.label, moment.at.toISOString()])).toEqual([
      ['remind', '2026-12-11T10:00:00.000Z'],
      ['call', '2026-12-28T10:00:00.000Z'],
      ['soon', '2026-12-14T12:00:00.000Z'],
    ]);
  });

  it('leaves out an offset still being typed', () => {
    expect(
      timeAgainstCheckpoint('2026-12-14T10:00:00.000Z', [{ label: 'x', offset: { amount: 1.5 } }]),
    ).toEqual([]);
  });
});
