import { describe, expect, it } from 'vitest';
import { Condition, ConditionSplitNode } from '@touchpoint/language';
import {
  changePredicateKind,
  defaultPredicate,
  isValidCondition,
  parseList,
  PREDICATE_KINDS,
  readCondition,
} from './condition-model';

/** What a marketer fills in on each row kind before the branch is complete. */
const FILLED: Record<string, Record<string, unknown>> = {
  attribute: { attribute: 'city' },
  tag: { tag: 'vip' },
  segment: { segment: 'R1F3M3' },
  engagement: {},
  spend: { value: 5000, withinDays: 90 },
  checkpointDistance: { days: -3 },
};

describe('condition form model', () => {
  it('offers every predicate kind of the language', () => {
    expect([...PREDICATE_KINDS].sort()).toEqual(
      ['attribute', 'checkpointDistance', 'engagement', 'segment', 'spend', 'tag'].sort(),
    );
  });

  it('builds a valid condition from every row kind once its name is typed', () => {
    const predicates = PREDICATE_KINDS.map((kind) => ({ ...defaultPredicate(kind), ...FILLED[kind] }));
    const draft = { match: 'any' as const, predicates };
    expect(isValidCondition(draft)).toBe(true);
    const node = {
      id: 'split',
      kind: 'conditionSplit',
      config: { branches: [{ id: 'b', condition: draft }] },
    };
    expect(ConditionSplitNode.safeParse(node).success).toBe(true);
  });

  it('leaves names empty so the schema points at the row to finish', () => {
    const result = Condition.safeParse({ match: 'all', predicates: [defaultPredicate('segment')] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['predicates', 0, 'segment']);
  });

  it('reads a saved condition back unchanged (round trip)', () => {
    const saved = Condition.parse({
      match: 'any',
      predicates: [
        { kind: 'attribute', attribute: 'city', op: 'in', value: ['Moscow', 'Kazan'] },
        { kind: 'tag', tag: 'vip', has: false },
        { kind: 'engagement', eventTypes: ['email.opened', 'sms.clicked'], withinDays: 14, atLeast: 2 },
        {
          kind: 'checkpointDistance',
          checkpoint: { source: 'attribute', attribute: 'contractEnd', movedBy: [] },
          op: 'lt',
          days: 7,
        },
      ],
    });
    const draft = readCondition(saved);
    expect(draft).toEqual(saved);
    expect(Condition.parse(draft)).toEqual(saved);
  });

  it('reads hand-written JSON loosely instead of failing', () => {
    expect(readCondition(undefined)).toEqual({ match: 'all', predicates: [] });
    expect(readCondition({ match: 'whatever', predicates: [1, { kind: 'tag' }] })).toEqual({
      match: 'all',
      predicates: [{ kind: 'tag' }],
    });
  });

  it('keeps a typed name and a number comparison when a row switches kind', () => {
    expect(changePredicateKind({ kind: 'segment', segment: 'vip', isMember: true }, 'tag')).toEqual({
      kind: 'tag',
      tag: 'vip',
      has: true,
    });
    expect(changePredicateKind({ kind: 'spend', op: 'lt', value: 10 }, 'checkpointDistance')).toMatchObject({
      kind: 'checkpointDistance',
      op: 'lt',
      days: 0,
    });
    expect(changePredicateKind({ kind: 'attribute', attribute: 'x', op: 'contains' }, 'spend')).toEqual(
      defaultPredicate('spend'),
    );
  });

  it('splits typed action lists on commas', () => {
    expect(parseList(' email.opened, ,sms.clicked ')).toEqual(['email.opened', 'sms.clicked']);
  });
});
