import { z } from 'zod';

/**
 * The closed sets every package speaks: the one home of each list. The database stores them in text
 * columns (db/src/schema/kinds.ts re-exports them), channels, activities, the API and the builder
 * import them from here. The exact strings are a contract with stored rows and definitions: never
 * rename one, add new members at the end.
 */

/**
 * Which message claims an action when several qualify (docs/metrics.md, "Attribution"):
 * - `last` (default): the latest qualifying message (last touch);
 * - `first`: the earliest qualifying message;
 * - `every`: each qualifying message claims it (an action then counts once per message).
 */
export const ATTRIBUTION_MODES = ['last', 'first', 'every'] as const;
export const AttributionMode = z.enum(ATTRIBUTION_MODES);
export type AttributionMode = z.infer<typeof AttributionMode>;

/** How a goal purchase's line relates to the product its communication offered. */
export const PRODUCT_MATCHES = ['sameProduct', 'sameCategory', 'otherProduct', 'noOffer'] as const;
export type ProductMatch = (typeof PRODUCT_MATCHES)[number];

/** Channels a message can go out through, in the order a send node tries them by default. */
export const CHANNEL_KINDS = ['email', 'sms', 'call', 'webhook'] as const;
/** A delivery channel; `send` nodes list them in fallback order. */
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

/**
 * What a call-center operator records on a call task. Each becomes a `call.<outcome>` client event;
 * a call step's outcome ports are named after them.
 */
export const CALL_OUTCOMES = [
  'reached',
  'noAnswer',
  'callBack',
  'meetingBooked',
  'booking',
  'refused',
] as const;
export const CallOutcome = z.enum(CALL_OUTCOMES);
export type CallOutcome = z.infer<typeof CallOutcome>;

/** Lifecycle of a journey as a whole; versions themselves are immutable. */
export const JOURNEY_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const JourneyStatus = z.enum(JOURNEY_STATUSES);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** Lifecycle of one client's run through one journey version. */
export const ENROLLMENT_STATUSES = ['active', 'completed', 'exited', 'failed', 'migrated'] as const;
export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

/** How a run ended, as its workflow reports it (the statuses an active enrollment can move to). */
export const ENROLLMENT_END_STATUSES = [
  'completed',
  'exited',
  'failed',
] as const satisfies readonly EnrollmentStatus[];
export const EnrollmentEndStatus = z.enum(ENROLLMENT_END_STATUSES);
export type EnrollmentEndStatus = z.infer<typeof EnrollmentEndStatus>;

/** How a client got into a journey. */
export const ENROLLMENT_SOURCES = ['event', 'manual', 'csv', 'journey', 'segment'] as const;
export const EnrollmentSource = z.enum(ENROLLMENT_SOURCES);
export type EnrollmentSource = z.infer<typeof EnrollmentSource>;

/** Outbox states of a message; every change is appended to the message's status timeline. */
export const MESSAGE_STATUSES = [
  'queued',
  // Handed to the provider, its answer not yet recorded: after a crash, ask the provider before resending.
  'sending',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'failed',
  'deferred',
  'skipped',
  'unreachable',
  // A send of a held-out client (a control group's shadow run): recorded as it would have gone, never delivered.
  'heldOut',
] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Call-center task states: open -> claimed -> completed, or cancelled when the journey's goal happens. */
export const CALL_TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'] as const;
export const CallTaskStatus = z.enum(CALL_TASK_STATUSES);
export type CallTaskStatus = z.infer<typeof CallTaskStatus>;

/**
 * How the operators' queue is ordered: `priority` (higher first, then earliest due) or `sla` (the
 * nearest SLA deadline first, overdue ones at the top; then priority).
 */
export const CALL_QUEUE_SORTS = ['priority', 'sla'] as const;
export const CallQueueSort = z.enum(CALL_QUEUE_SORTS);
export type CallQueueSort = z.infer<typeof CallQueueSort>;
/** States of a bulk (CSV) enrollment job. */
export const ENROLLMENT_JOB_STATUSES = ['running', 'completed', 'failed'] as const;
export const EnrollmentJobStatus = z.enum(ENROLLMENT_JOB_STATUSES);
export type EnrollmentJobStatus = z.infer<typeof EnrollmentJobStatus>;

/** States of a job that makes a journey's clients leave (`cancelled`: the journey was resumed meanwhile). */
export const EXIT_JOB_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;
export const ExitJobStatus = z.enum(EXIT_JOB_STATUSES);
export type ExitJobStatus = z.infer<typeof ExitJobStatus>;

/**
 * Which rule a field of a definition broke, as the validator reports it (`ProblemIssue.rule`), so the
 * builder can say it in the marketer's words instead of the schema library's.
 */
export const ISSUE_RULES = [
  // Empty or absent where a value is needed.
  'required',
  // A list with fewer (more) items than allowed: `limit` is the bound.
  'tooFew',
  'tooMany',
  // A text shorter (longer) than allowed.
  'tooShort',
  'tooLong',
  // A number below (above) its bound.
  'tooSmall',
  'tooBig',
  // A number that must be whole.
  'notWhole',
  // A value outside its list of choices (`options`).
  'notAllowed',
  // A text that does not have the expected shape (a time, an id, a pattern).
  'badFormat',
  // A value of the wrong kind (text for a number, …).
  'wrongType',
  // Anything else; the issue's English message says what.
  'other',
] as const;
export const IssueRule = z.enum(ISSUE_RULES);
export type IssueRule = z.infer<typeof IssueRule>;

/** The control group that holds a client out of a journey: its own holdout, or the global control group. */
export const CONTROL_GROUPS = ['journey', 'global'] as const;
export const ControlGroup = z.enum(CONTROL_GROUPS);
export type ControlGroup = z.infer<typeof ControlGroup>;

/**
 * The closed sets of the saved-segment rule language (`engine/domain/src/segments/segment-rule.ts` builds its zod
 * schema from them; the builder's rule editor offers them). Numeric client facts: `recencyScore`,
 * `frequencyScore` and `monetaryScore` are the RFM scores (1…3, 3 best) from `rfmCell`, the rest come
 * from `client_facts`.
 */
export const SEGMENT_FACTS = [
  'purchaseCount',
  'totalValue',
  'averageValue',
  'daysSinceLastPurchase',
  'meanIntervalDays',
  'recencyScore',
  'frequencyScore',
  'monetaryScore',
] as const;
/** How a numeric fact compares with a rule's value. */
export const SEGMENT_COMPARISONS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const;
/** How an attribute compares: the comparisons, plus `in` a list and `exists`. */
export const SEGMENT_ATTRIBUTE_OPS = ['eq', 'ne', 'in', 'exists', 'lt', 'lte', 'gt', 'gte'] as const;
/** The lifecycle stages of seed 004's grid, as segment keys. */
export const LIFECYCLE_STAGES = ['new', 'former-new', 'best', 'former-best', 'highest-potential'] as const;

/**
 * How a test path (a simulated run of one client) ended: the goal was met, the journey let the client
 * go (an exit node or a wait-for-event's exit), the run failed, or the client was still waiting when
 * the simulated clock reached the horizon.
 */
export const TEST_PATH_OUTCOMES = ['converted', 'exited', 'failed', 'waiting'] as const;
export const TestPathOutcome = z.enum(TEST_PATH_OUTCOMES);
export type TestPathOutcome = z.infer<typeof TestPathOutcome>;
