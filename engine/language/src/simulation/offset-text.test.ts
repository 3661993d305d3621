import { describe, expect, it } from 'vitest';
import { daysBetween, offsetTextToMs } from './offset-text';

describe('offsetTextToMs', () => {
  it('reads days, hours, minutes and weeks, alone or combined', () => {
    expect(offsetTextToMs('+2d')).toBe(2 * 86_400_000);
    expect(offsetTextToMs('36h')).toBe(36 * 3_600_000);
    expect(offsetTextToMs('+1w2d')).toBe(9 * 86_400_000);
    expect(offsetTextToMs('+1d 12h')).toBe(1.5 * 86_400_000);
    expect(offsetTextToMs('+90m')).toBe(90 * 60_000);
    expect(offsetTextToMs('-10d')).toBe(-10 * 86_400_000);
  });

  it('refuses what is not an offset', () => {
    for (const text of ['', '+', '2', 'd2', '+2y', 'soon', '+2d-1h']) expect(offsetTextToMs(text)).toBeNull();
  });
});

describe('daysBetween', () => {
  it('rounds to the hour', () => {
    expect(daysBetween(0, 57 * 86_400_000 + 60_000)).toBe(57);
    expect(daysBetween(0, 36 * 3_600_000)).toBe(1.5);
  });
});
