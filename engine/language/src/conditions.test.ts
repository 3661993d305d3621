import { describe, expect, it } from 'vitest';
import { collectConditionNeeds, Condition, evaluateCondition } from './conditions';
import type { ClientContext } from './conditions';
import { bucketOf, pickVariant } from './random-split';
import { matchesEvent } from './filters';

const DAY = 86_400_000;
const context: ClientContext = {
  clientId: 'c1',
  timezone: 'Europe/Moscow',
  attributes: { city: 'Moscow', age: 34 },
  tags: ['vip'],
  segments: ['R1F3M3'],
  facts: { 'engagement:email.opened:14': 2, 'spend:all': 1200 },
  checkpoints: { expectedNextPurchase: new Date(10 * DAY).toISOString() },
};

describe('evaluateCondition', () => {
  it('combines attribute, tag and segment predicates with all / any', () => {
    const condition = Condition.parse({
      predicates: [
        { kind: 'attribute', attribute: 'age', op: 'gte', value: 30 },
        { kind: 'tag', tag: 'vip', has: true },
        { kind: 'segment', segment: 'R1F3M3', isMember: false },
      ],
    });
    expect(evaluateCondition(condition, context, 0)).toBe(false);
    expect(evaluateCondition({ ...condition, match: 'any' }, context, 0)).toBe(true);
  });

  it('reads engagement and spend from loaded facts', () => {
    const opened = Condition.parse({
      predicates: [{ kind: 'engagement', eventTypes: ['email.opened'], withinDays: 14 }],
    });
    const bigSpender = Condition.parse({ predicates: [{ kind: 'spend', op: 'gt', value: 1000 }] });
    expect(evaluateCondition(opened, context, 0)).toBe(true);
    expect(evaluateCondition(bigSpender, context, 0)).toBe(true);
    expect(collectConditionNeeds([opened, bigSpender]).facts.map((fact) => fact.key)).toEqual([
      'engagement:email.opened:14',
      'spend:all',
    ]);
  });

  it('measures the distance to the checkpoint in whole days', () => {
    const late = Condition.parse({
      predicates: [
        { kind: 'checkpointDistance', checkpoint: { source: 'expectedNextPurchase' }, op: 'gte', days: 5 },
      ],
    });
    expect(evaluateCondition(late, context, 14 * DAY)).toBe(false);
    expect(evaluateCondition(late, context, 15 * DAY)).toBe(true);
  });
});

describe('matchesEvent', () => {
  it('checks the type and every filter, reaching into nested properties', () => {
    const matcher = {
      type: 'purchase',
      filters: [{ property: 'order.total', op: 'gte' as const, value: 100 }],
    };
    expect(matchesEvent(matcher, { type: 'purchase', properties: { order: { total: 150 } } })).toBe(true);
    expect(matchesEvent(matcher, { type: 'purchase', properties: { order: { total: 50 } } })).toBe(false);
    expect(matchesEvent(matcher, { type: 'refund', properties: { order: { total: 150 } } })).toBe(false);
  });
});

describe('random split', () => {
  it('is stable per client and follows the weights', () => {
    const variants = [
      { id: 'a', weight: 30 },
      { id: 'b', weight: 70 },
    ];
    expect(bucketOf('j', 'n', 'client-1')).toBe(bucketOf('j', 'n', 'client-1'));
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i += 1)
      counts[pickVariant(variants, bucketOf('j', 'n', `c${i}`)).id as 'a' | 'b'] += 1;
    expect(counts.a / 10_000).toBeGreaterThan(0.27);
    expect(counts.a / 10_000).toBeLessThan(0.33);
  });
});
