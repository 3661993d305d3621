import { describe, expect, it } from 'vitest';
import { setPath } from './config-path';

describe('setPath', () => {
  it('replaces a nested value without touching the original', () => {
    const original = { rungs: [{ id: 'a', offset: { amount: -3, unit: 'days' } }] };
    const next = setPath(original, ['rungs', 0, 'offset', 'amount'], 2);
    expect(next).toEqual({ rungs: [{ id: 'a', offset: { amount: 2, unit: 'days' } }] });
    expect(original.rungs[0]?.offset.amount).toBe(-3);
  });

  it('creates missing objects and lists on the way', () => {
    expect(setPath(undefined, ['exits', 0, 'event', 'type'], 'purchase')).toEqual({
      exits: [{ event: { type: 'purchase' } }],
    });
  });
});
