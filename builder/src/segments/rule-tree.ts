/**
 * The rule editor's model: the segment rule exactly as the server takes it (`SegmentRule` of
 * engine/domain/src/segments/segment-rule.ts, which validates it), edited by path. Pure functions, so the editor
 * stays a thin view and the server stays the one judge of what a valid rule is.
 */

/** A rule node as JSON: `kind` plus the kind's fields. */
export type RuleNode = { kind: string } & Record<string, unknown>;

/** Where a node sits: the keys from the root (`['rules', 1, 'rule']`). */
export type RulePath = readonly (string | number)[];

/** The kinds the editor offers, leaves first, then the groups. */
export const RULE_KINDS = [
  'fact',
  'overdue',
  'rfmCell',
  'lifecycleStage',
  'attribute',
  'tag',
  'event',
  'segment',
  'and',
  'or',
  'not',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A new node of a kind, filled so that it is valid as it stands (the estimate runs at once). */
export function newRule(kind: RuleKind): RuleNode {
  switch (kind) {
    case 'fact':
      return { kind, fact: 'purchaseCount', op: 'gte', value: 2 };
    case 'overdue':
      return { kind, is: true };
    case 'rfmCell':
      return { kind, in: ['R3F3M3'] };
    case 'lifecycleStage':
      return { kind, in: ['best'] };
    case 'attribute':
      return { kind, key: 'city', op: 'eq', value: '' };
    case 'tag':
      return { kind, tag: 'vip', has: true };
    case 'event':
      return { kind, type: 'purchase', performed: true, withinDays: 30, minCount: 1 };
    case 'segment':
      return { kind, segment: 'overdue', isMember: true };
    case 'and':
    case 'or':
      return { kind, rules: [newRule('fact')] };
    case 'not':
      // A group inside, so whatever is excluded can grow into several conditions.
      return { kind, rule: { kind: 'or', rules: [newRule('tag')] } };
  }
}

/** The node at `path`, or undefined. */
export function ruleAt(root: RuleNode, path: RulePath): unknown {
  let node: unknown = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** A copy of `root` with the value at `path` replaced (the root itself when `path` is empty). */
export function setRuleAt(root: RuleNode, path: RulePath, value: unknown): RuleNode {
  if (path.length === 0) return value as RuleNode;
  const [step, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...root };
  const child = (root as Record<string | number, unknown>)[step!];
  (copy as Record<string | number, unknown>)[step!] =
    rest.length === 0 ? value : setRuleAt(child as RuleNode, rest, value);
  return copy as RuleNode;
}

/** A copy of `root` without the node at `path` (a child of an and / or group). */
export function removeRuleAt(root: RuleNode, path: RulePath): RuleNode {
  const parentPath = path.slice(0, -1);
  const index = path.at(-1);
  const list = ruleAt(root, parentPath);
  if (!Array.isArray(list) || typeof index !== 'number') return root;
  return setRuleAt(
    root,
    parentPath,
    list.filter((_, i) => i !== index),
  );
}

/** A copy of `root` with `node` appended to the group at `groupPath`. */
export function appendRuleAt(root: RuleNode, groupPath: RulePath, node: RuleNode): RuleNode {
  const rules = ruleAt(root, [...groupPath, 'rules']);
  return setRuleAt(root, [...groupPath, 'rules'], [...(Array.isArray(rules) ? rules : []), node]);
}

/** The server's issue path for a node's field (`body.rule.rules.1.value`). */
export function issuePathOf(path: RulePath, field?: string): string {
  return ['body', 'rule', ...path, ...(field === undefined ? [] : [field])].join('.');
}
