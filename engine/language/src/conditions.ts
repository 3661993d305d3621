import { z } from 'zod';
import { CheckpointRef, checkpointKey } from './checkpoint';
import { applyOperator, FILTER_OPERATORS, FilterValue } from './filters';

const DAY_MS = 86_400_000;

/** Client attribute compared with a value (`{ attribute: 'city', op: 'eq', value: 'Moscow' }`). */
export const AttributePredicate = z.object({
  kind: z.literal('attribute'),
  attribute: z.string().min(1),
  op: z.enum(FILTER_OPERATORS),
  value: FilterValue.optional(),
});

/** The client has (or lacks) a tag. */
export const TagPredicate = z.object({ kind: z.literal('tag'), tag: z.string().min(1), has: z.boolean() });

/** The client is (or is not) in a segment, such as an RFM cell `R1F3M3` or lifecycle stage. */
export const SegmentPredicate = z.object({
  kind: z.literal('segment'),
  segment: z.string().min(1),
  isMember: z.boolean(),
});

/** At least `atLeast` events of the given types within the last `withinDays` ("opened any email in 14 days"). */
export const EngagementPredicate = z.object({
  kind: z.literal('engagement'),
  eventTypes: z.array(z.string().min(1)).min(1),
  withinDays: z.number().int().positive(),
  atLeast: z.number().int().positive().default(1),
});

/** Total purchase amount (optionally within the last `withinDays`) compared with a number. */
export const SpendPredicate = z.object({
  kind: z.literal('spend'),
  withinDays: z.number().int().positive().optional(),
  op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']),
  value: z.number(),
});

/** Whole days since the checkpoint (negative before it) compared with a number; false without a checkpoint. */
export const CheckpointDistancePredicate = z.object({
  kind: z.literal('checkpointDistance'),
  checkpoint: CheckpointRef,
  op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']),
  days: z.number().int(),
});

/** One test inside a condition, discriminated on `kind`. */
export const Predicate = z.discriminatedUnion('kind', [
  AttributePredicate,
  TagPredicate,
  SegmentPredicate,
  EngagementPredicate,
  SpendPredicate,
  CheckpointDistancePredicate,
]);
export type Predicate = z.infer<typeof Predicate>;

/** Predicates joined by `all` (and) or `any` (or). */
export const Condition = z.object({
  match: z.enum(['all', 'any']).default('all'),
  predicates: z.array(Predicate).min(1),
});
export type Condition = z.infer<typeof Condition>;

/**
 * A number the condition needs from the database, asked for by {@link factQueryOf}: the input the
 * `loadClientContext` activity parses, so the workflow and the activity share one shape.
 */
export const FactQuery = z.discriminatedUnion('kind', [
  z.object({
    key: z.string(),
    kind: z.literal('engagement'),
    eventTypes: z.array(z.string()),
    withinDays: z.number(),
  }),
  z.object({ key: z.string(), kind: z.literal('spend'), withinDays: z.number().nullable() }),
]);
export type FactQuery = z.infer<typeof FactQuery>;

/**
 * What the workflow knows about a client when it evaluates a condition; loaded by the
 * `loadClientContext` activity. `facts` holds the answers to {@link FactQuery}s by key and
 * `checkpoints` the loaded checkpoints (ISO or null) by {@link checkpointKey}.
 */
export const ClientContext = z.object({
  clientId: z.string(),
  timezone: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  segments: z.array(z.string()),
  facts: z.record(z.string(), z.number()),
  checkpoints: z.record(z.string(), z.string().nullable()),
});
export type ClientContext = z.infer<typeof ClientContext>;

/** The fact query a predicate needs, or null when the client context answers it directly. */
export function factQueryOf(predicate: Predicate): FactQuery | null {
  if (predicate.kind === 'engagement') {
    const eventTypes = [...predicate.eventTypes].sort();
    const key = `engagement:${eventTypes.join(',')}:${predicate.withinDays}`;
    return { key, kind: 'engagement', eventTypes, withinDays: predicate.withinDays };
  }
  if (predicate.kind === 'spend') {
    const withinDays = predicate.withinDays ?? null;
    return { key: `spend:${withinDays ?? 'all'}`, kind: 'spend', withinDays };
  }
  return null;
}

/** Every fact query and checkpoint a list of conditions needs, deduplicated. */
export function collectConditionNeeds(conditions: readonly Condition[]): {
  facts: FactQuery[];
  checkpoints: CheckpointRef[];
} {
  const facts = new Map<string, FactQuery>();
  const checkpoints = new Map<string, CheckpointRef>();
  for (const predicate of conditions.flatMap((condition) => condition.predicates)) {
    const query = factQueryOf(predicate);
    if (query) facts.set(query.key, query);
    if (predicate.kind === 'checkpointDistance')
      checkpoints.set(checkpointKey(predicate.checkpoint), predicate.checkpoint);
  }
  return { facts: [...facts.values()], checkpoints: [...checkpoints.values()] };
}

function evaluatePredicate(predicate: Predicate, context: ClientContext, now: number): boolean {
  switch (predicate.kind) {
    case 'attribute':
      return applyOperator(context.attributes[predicate.attribute], predicate.op, predicate.value);
    case 'tag':
      return context.tags.includes(predicate.tag) === predicate.has;
    case 'segment':
      return context.segments.includes(predicate.segment) === predicate.isMember;
    case 'engagement':
      return (context.facts[factQueryOf(predicate)?.key ?? ''] ?? 0) >= predicate.atLeast;
    case 'spend':
      return applyOperator(
        context.facts[factQueryOf(predicate)?.key ?? ''] ?? 0,
        predicate.op,
        predicate.value,
      );
    case 'checkpointDistance': {
      const iso = context.checkpoints[checkpointKey(predicate.checkpoint)];
      if (!iso) return false;
      const days = Math.floor((now - Date.parse(iso)) / DAY_MS);
      return applyOperator(days, predicate.op, predicate.days);
    }
    default: {
      const unhandled: never = predicate;
      throw new Error(`Unhandled predicate ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Evaluates a condition against a loaded client context at `now` (epoch ms). Pure. */
export function evaluateCondition(condition: Condition, context: ClientContext, now: number): boolean {
  const results = condition.predicates.map((predicate) => evaluatePredicate(predicate, context, now));
  return condition.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}
