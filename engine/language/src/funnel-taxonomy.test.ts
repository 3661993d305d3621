import { describe, expect, it } from 'vitest';
import { DEFAULT_FUNNEL_TAXONOMY, funnelRuleForEvent } from './funnel-taxonomy';

describe('the default funnel taxonomy', () => {
  it('orders seed 000’s actions open < click < call < meeting < booking < deal', () => {
    expect(DEFAULT_FUNNEL_TAXONOMY.map((rule) => rule.action)).toEqual([
      'open',
      'click',
      'call',
      'meeting',
      'booking',
      'deal',
    ]);
  });

  it('names each event type under at most one action', () => {
    const types = DEFAULT_FUNNEL_TAXONOMY.flatMap((rule) => rule.eventTypes);
    expect(new Set(types).size).toBe(types.length);
  });

  it('turns a closed deal into a deal and leaves other events out of the funnel', () => {
    expect(funnelRuleForEvent('deal.closed')).toMatchObject({ action: 'deal', windowDays: 30 });
    expect(funnelRuleForEvent('call.noAnswer')).toBeNull();
    expect(funnelRuleForEvent('purchase')).toBeNull();
  });
});
