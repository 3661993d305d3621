import { z } from 'zod';
import { CheckpointRef, PastCheckpointPolicy } from './checkpoint';
import { Condition } from './conditions';
import { Duration, Offset } from './duration';
import { EventMatcher } from './filters';
import { CALL_OUTCOMES, CHANNEL_KINDS } from './vocabulary';

/** Node, edge, branch, variant, exit and rung ids: stable, URL-safe, never containing `/` (kept for compiled ids). */
export const StableId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use 1-64 letters, digits, _ . -');

/** How a client gets into a journey. Segment changes arrive as `segment.entered` / `segment.left` events. */
export const EntryTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: EventMatcher }),
  z.object({ kind: z.literal('segment'), segment: z.string().min(1), on: z.enum(['enter', 'leave']) }),
  /** A Temporal Schedule evaluates the `segment` audience on `cron` and enrolls each member. */
  z.object({ kind: z.literal('schedule'), cron: z.string().min(1), segment: z.string().min(1) }),
  /** Enrolled by a person, the API or a CSV upload. */
  z.object({ kind: z.literal('manual') }),
]);
export type EntryTrigger = z.infer<typeof EntryTrigger>;

/** The channel list of a send, tried in order (no email or unsubscribed → SMS …). */
export const ChannelList = z.array(z.enum(CHANNEL_KINDS)).min(1);

/** An offer from the catalog plus parameters such as a growing discount. */
export const Offer = z.object({
  offerId: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type Offer = z.infer<typeof Offer>;

/** What to do with a send that falls into the client's quiet hours. */
export const QuietHoursPolicy = z.enum(['defer', 'skip']);

/** How long a wait node holds the client. */
export const WaitConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('duration'), duration: Duration }),
  /** Until `time` (HH:MM) on one of `weekdays` (ISO 1 = Monday; empty = any day) in the client's time zone. */
  z.object({
    mode: z.literal('timeOfDay'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24 h)'),
    weekdays: z.array(z.number().int().min(1).max(7)).default([]),
  }),
  /** Until checkpoint + offset; a checkpoint already past follows `pastCheckpoint` (skip exits the journey). */
  z.object({
    mode: z.literal('checkpoint'),
    checkpoint: CheckpointRef,
    offset: Offset,
    pastCheckpoint: PastCheckpointPolicy.default('skip'),
  }),
]);
export type WaitConfig = z.infer<typeof WaitConfig>;

/** Restricts a waited-for event to the message a given send node sent, or a call task it created. */
export const EventScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('messageFromNode'), nodeId: z.string().min(1) }),
  z.object({ kind: z.literal('callTaskFromNode'), nodeId: z.string().min(1) }),
]);
export type EventScope = z.infer<typeof EventScope>;

/** One event exit of a wait-for-events node; the first matching event wins. */
export const EventExit = z.object({
  id: StableId,
  name: z.string().optional(),
  event: EventMatcher,
  scope: EventScope.optional(),
});
export type EventExit = z.infer<typeof EventExit>;

/** One ordered branch of a condition split. */
export const SplitBranch = z.object({ id: StableId, name: z.string().optional(), condition: Condition });

/** One variant of a random split; weights of all variants sum to 100. */
export const SplitVariant = z.object({
  id: StableId,
  name: z.string().optional(),
  weight: z.number().int().min(0).max(100),
});

/** How long a call step waits for an outcome when the marketer sets none. */
export const DEFAULT_CALL_TIMEOUT = { amount: 3, unit: 'days' } as const;

/**
 * How a step that created a call task waits for the operator's outcome: up to `timeout` from the
 * client's arrival at the step. Each outcome in `exits` leaves by its own port `call:<outcome>` (on a
 * ladder, `call:<rungId>:<outcome>`); any other outcome, or none in time, leaves as before (`sent`,
 * or on to the ladder's next rung).
 */
export const CallOutcomeWait = z.object({
  timeout: Duration.refine((duration) => duration.amount > 0, 'a call timeout must be longer than 0').default(
    DEFAULT_CALL_TIMEOUT,
  ),
  exits: z.array(z.enum(CALL_OUTCOMES)).default([]),
});
export type CallOutcomeWait = z.infer<typeof CallOutcomeWait>;

/**
 * One rung of an escalation ladder: a send timed at checkpoint + offset (negative = before it). A rung
 * that calls always waits for the call's outcome (`callOutcome`, default timeout when unset).
 */
export const LadderRung = z.object({
  id: StableId,
  offset: Offset,
  channels: ChannelList,
  templateId: z.string().min(1),
  offer: Offer.optional(),
  callOutcome: CallOutcomeWait.optional(),
});
export type LadderRung = z.infer<typeof LadderRung>;

const base = { id: StableId, name: z.string().optional() };

export const EntryNode = z.object({
  ...base,
  kind: z.literal('entry'),
  config: z.object({ trigger: EntryTrigger }),
});
export const WaitNode = z.object({ ...base, kind: z.literal('wait'), config: WaitConfig });
export const WaitForEventNode = z.object({
  ...base,
  kind: z.literal('waitForEvent'),
  config: z.object({ exits: z.array(EventExit).min(1), timeout: Duration }),
});
export const ConditionSplitNode = z.object({
  ...base,
  kind: z.literal('conditionSplit'),
  config: z.object({ branches: z.array(SplitBranch).min(1) }),
});
export const RandomSplitNode = z.object({
  ...base,
  kind: z.literal('randomSplit'),
  config: z.object({ variants: z.array(SplitVariant).min(1) }),
});
export const SendNode = z.object({
  ...base,
  kind: z.literal('send'),
  config: z.object({
    channels: ChannelList,
    templateId: z.string().min(1),
    offer: Offer.optional(),
    quietHours: QuietHoursPolicy.default('defer'),
    /** Set: a call this send makes waits for its outcome (see CallOutcomeWait). */
    callOutcome: CallOutcomeWait.optional(),
  }),
});
export const EscalationLadderNode = z.object({
  ...base,
  kind: z.literal('escalationLadder'),
  config: z.object({
    checkpoint: CheckpointRef,
    rungs: z.array(LadderRung).min(1),
    pastCheckpoint: PastCheckpointPolicy.default('runNow'),
    quietHours: QuietHoursPolicy.default('defer'),
  }),
});
export const UpdateClientNode = z.object({
  ...base,
  kind: z.literal('updateClient'),
  config: z.object({
    setAttributes: z.record(z.string().min(1), z.unknown()).default({}),
    addTags: z.array(z.string().min(1)).default([]),
    removeTags: z.array(z.string().min(1)).default([]),
  }),
});
export const StartJourneyNode = z.object({
  ...base,
  kind: z.literal('startJourney'),
  config: z.object({ journeyId: z.string().min(1) }),
});
export const ExitNode = z.object({
  ...base,
  kind: z.literal('exit'),
  config: z.object({ reason: z.string().min(1).default('completed') }),
});

export type EntryNode = z.infer<typeof EntryNode>;
export type WaitNode = z.infer<typeof WaitNode>;
export type WaitForEventNode = z.infer<typeof WaitForEventNode>;
export type ConditionSplitNode = z.infer<typeof ConditionSplitNode>;
export type RandomSplitNode = z.infer<typeof RandomSplitNode>;
export type SendNode = z.infer<typeof SendNode>;
export type EscalationLadderNode = z.infer<typeof EscalationLadderNode>;
export type UpdateClientNode = z.infer<typeof UpdateClientNode>;
export type StartJourneyNode = z.infer<typeof StartJourneyNode>;
export type ExitNode = z.infer<typeof ExitNode>;

/**
 * The one list of node schemas, in palette order: the union, `NODE_SCHEMAS` and `NODE_KINDS` are all
 * read off it, so a new kind is added here once. Stored definitions name kinds by these strings.
 */
export const NODE_SCHEMA_LIST = [
  EntryNode,
  WaitNode,
  WaitForEventNode,
  ConditionSplitNode,
  RandomSplitNode,
  SendNode,
  EscalationLadderNode,
  UpdateClientNode,
  StartJourneyNode,
  ExitNode,
] as const;

/** Any journey node, discriminated on `kind` (see NODE_KINDS). */
export const JourneyNode = z.discriminatedUnion('kind', NODE_SCHEMA_LIST);
export type JourneyNode = z.infer<typeof JourneyNode>;

type NodeSchema = (typeof NODE_SCHEMA_LIST)[number];

/** Node schemas by kind, for validating one node's config at a time (the builder's forms do this). */
export const NODE_SCHEMAS = Object.fromEntries(
  NODE_SCHEMA_LIST.map((schema) => [schema.shape.kind.value, schema]),
) as { readonly [S in NodeSchema as S['shape']['kind']['value']]: S };
