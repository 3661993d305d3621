import { describe, expect, it } from 'vitest';
import { mergeEventTypes } from './catalogs';

describe('the event picker', () => {
  it('lists received types first with their counts, then known types not seen yet, once each', () => {
    const items = mergeEventTypes([
      { type: 'purchase', count: 120 },
      { type: 'app.opened', count: 7 },
    ]);
    expect(items.slice(0, 2)).toEqual([
      { id: 'purchase', name: 'purchase (120)' },
      { id: 'app.opened', name: 'app.opened (7)' },
    ]);
    expect(items.filter((item) => item.id === 'purchase')).toHaveLength(1);
    expect(items.map((item) => item.id)).toContain('call.booking');
  });
});
