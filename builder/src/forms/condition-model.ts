import {
  CheckpointDistancePredicate,
  Condition,
  FILTER_OPERATORS,
  Predicate,
  SpendPredicate,
  type FilterOperator,
} from '@touchpoint/language';

/** The kinds of test a branch condition can hold, in the order the picker offers them. */
export const PREDICATE_KINDS = Predicate.options.map((option) => option.shape.kind.value);
export type PredicateKind = (typeof PREDICATE_KINDS)[number];

/** Comparisons of a number fact (spend, days to a checkpoint), straight from the schema. */
export const NUMBER_OPERATORS = SpendPredicate.shape.op.options;
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];
// The checkpoint distance compares with the same operators; a schema change there must show up here.
const SAME_NUMBER_OPERATORS: readonly NumberOperator[] = CheckpointDistancePredicate.shape.op.options;

/** The attribute comparisons, in the order a marketer reads them. */
export const ATTRIBUTE_OPERATORS: readonly FilterOperator[] = FILTER_OPERATORS;

/** A condition as the form edits it: possibly half filled in, so the schema may still reject it. */
export interface ConditionDraft {
  match: 'all' | 'any';
  predicates: Record<string, unknown>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads whatever the config holds (even hand-written JSON) into the shape the form edits. */
export function readCondition(value: unknown): ConditionDraft {
  const source = isRecord(value) ? value : {};
  const predicates = Array.isArray(source.predicates) ? source.predicates.filter(isRecord) : [];
  return { match: source.match === 'any' ? 'any' : 'all', predicates };
}

/**
 * A fresh test of one kind. Names start empty (the schema flags them until filled in); numbers start
 * at values that make sense on their own ("opened an email at least once in 30 days").
 */
export function defaultPredicate(kind: PredicateKind): Predicate {
  switch (kind) {
    case 'attribute':
      return { kind, attribute: '', op: 'eq', value: '' };
    case 'tag':
      return { kind, tag: '', has: true };
    case 'segment':
      return { kind, segment: '', isMember: true };
    case 'engagement':
      return { kind, eventTypes: ['email.opened'], withinDays: 30, atLeast: 1 };
    case 'spend':
      return { kind, op: 'gte', value: 0 };
    case 'checkpointDistance':
      return {
        kind,
        checkpoint: { source: 'expectedNextPurchase', movedBy: ['purchase'] },
        op: 'gte',
        days: 0,
      };
    default: {
      const unhandled: never = kind;
      throw new Error(`No default for predicate kind ${String(unhandled)}`);
    }
  }
}

/** Switches a row to another kind; a name typed for one (a segment, a tag) carries over where it fits. */
export function changePredicateKind(
  previous: Record<string, unknown>,
  kind: PredicateKind,
): Record<string, unknown> {
  const next: Record<string, unknown> = { ...defaultPredicate(kind) };
  const name = [previous.attribute, previous.tag, previous.segment].find(
    (value) => typeof value === 'string' && value !== '',
  );
  const nameKey = { attribute: 'attribute', tag: 'tag', segment: 'segment' } as Record<string, string>;
  const key = nameKey[kind];
  if (key && typeof name === 'string') next[key] = name;
  if (SAME_NUMBER_OPERATORS.includes(previous.op as NumberOperator) && 'op' in next) next.op = previous.op;
  return next;
}

/** Event types as a marketer types them: "email.opened, sms.clicked". */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** True when the draft is a condition the journey language accepts. */
export function isValidCondition(draft: ConditionDraft): boolean {
  return Condition.safeParse(draft).success;
}
