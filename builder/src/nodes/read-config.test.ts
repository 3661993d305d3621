import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { formatDuration, readPath } from './read-config';

describe('read-config', () => {
  it('reads nested values of half-filled configs without throwing', () => {
    expect(readPath({ trigger: { event: { type: 'purchase' } } }, 'trigger.event.type')).toBe('purchase');
    expect(readPath({ trigger: null }, 'trigger.event.type')).toBeUndefined();
    expect(readPath(undefined, 'a')).toBeUndefined();
  });

  it('writes durations in the interface language', () => {
    const ru = (key: Parameters<typeof translate>[1], values: { n: number }) => translate('ru', key, values);
    expect(formatDuration({ amount: -3, unit: 'days' }, ru)).toBe('-3 дн.');
    expect(formatDuration({ amount: 2, unit: 'hours' })).toBe('2 hours');
    expect(formatDuration({ amount: 'x', unit: 'days' })).toBe('');
  });
});
