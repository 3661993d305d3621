import { describe, expect, it } from 'vitest';
import {
  formatInterval,
  formatPoints,
  formatPValue,
  formatSignedMoney,
  formatSignedPercent,
} from './format-uplift';

describe('uplift figures as written', () => {
  it('signs percentage points and percents in both languages', () => {
    expect(formatPoints(0.0214, 'en', 'pp')).toBe('+2.1 pp');
    expect(formatPoints(-0.004, 'en', 'pp')).toBe('-0.4 pp');
    expect(formatPoints(0.0214, 'ru', 'п. п.')).toBe('+2,1 п. п.');
    expect(formatSignedPercent(0.123, 'en')).toBe('+12.3%');
    expect(formatSignedPercent(null, 'en')).toBe('—');
  });

  it('writes money, p-values and intervals', () => {
    expect(formatSignedMoney(1234.5, 'en')).toBe('+1,234.50');
    expect(formatPValue(0.0321, 'en')).toBe('0.032');
    expect(formatPValue(0.00001, 'en')).toBe('< 0.001');
    expect(formatInterval([-1, 2], (v) => String(v))).toBe('[-1; 2]');
  });
});
