import { describe, expect, it } from 'vitest';
import type { FilterValue } from '@touchpoint/language';
import { formatFilterValue, parseFilterValue } from './filter-value';

describe('event filter values as typed', () => {
  it('reads numbers, booleans and text', () => {
    expect(parseFilterValue('gte', ' 100 ')).toBe(100);
    expect(parseFilterValue('eq', 'true')).toBe(true);
    expect(parseFilterValue('eq', 'gold')).toBe('gold');
    expect(parseFilterValue('eq', '"10"')).toBe('10');
  });

  it('reads a list for "is one of" and nothing for "is present"', () => {
    expect(parseFilterValue('in', 'gold, silver,,3')).toEqual(['gold', 'silver', 3]);
    expect(parseFilterValue('exists', 'anything')).toBeUndefined();
  });

  it('writes values back so they read the same', () => {
    const cases: [Parameters<typeof parseFilterValue>[0], FilterValue][] = [
      ['eq', 'gold'],
      ['eq', '10'],
      ['eq', 'true'],
      ['gt', 2.5],
      ['eq', false],
      ['in', ['a', 1, '2']],
    ];
    for (const [op, value] of cases) expect(parseFilterValue(op, formatFilterValue(value))).toEqual(value);
    expect(formatFilterValue(undefined)).toBe('');
  });
});
