import { describe, expect, it } from 'vitest';
import { appendRuleAt, issuePathOf, newRule, removeRuleAt, ruleAt, setRuleAt } from './rule-tree';

describe('the rule tree', () => {
  const root = {
    kind: 'and',
    rules: [newRule('fact'), { kind: 'not', rule: newRule('tag') }],
  };

  it('reads and replaces a node by path without touching the original', () => {
    const next = setRuleAt(root, ['rules', 1, 'rule', 'tag'], 'churned');
    expect(ruleAt(next, ['rules', 1, 'rule'])).toEqual({ kind: 'tag', tag: 'churned', has: true });
    expect(ruleAt(root, ['rules', 1, 'rule', 'tag'])).toBe('vip');
    expect(next.rules).not.toBe(root.rules);
  });

  it('appends to and removes from a group', () => {
    const grown = appendRuleAt(root, [], newRule('overdue'));
    expect((grown.rules as unknown[]).map((r) => (r as { kind: string }).kind)).toEqual([
      'fact',
      'not',
      'overdue',
    ]);
    const shrunk = removeRuleAt(grown, ['rules', 0]);
    expect((shrunk.rules as unknown[]).map((r) => (r as { kind: string }).kind)).toEqual(['not', 'overdue']);
  });

  it('names a field the way the server’s issues do', () => {
    expect(issuePathOf(['rules', 1, 'rule'], 'tag')).toBe('body.rule.rules.1.rule.tag');
    expect(issuePathOf([])).toBe('body.rule');
  });
});
