import type { ChannelKind, IssueRule } from './vocabulary';

/**
 * Stable codes of journey problems. The builder shows each on its node; the API returns them on
 * publish. Codes never change meaning; new ones are added at the end.
 */
export const PROBLEM_CODES = {
  /** The definition does not match the schema outside any node (schemaVersion, edges, goal, settings). */
  invalidDefinition: 'invalidDefinition',
  /** A node's `kind` is not one of NODE_KINDS, or its config breaks the kind's schema. */
  invalidConfig: 'invalidConfig',
  /** Two nodes share an id. */
  duplicateNodeId: 'duplicateNodeId',
  /** Two edges share an id, or one output port has more than one edge. */
  duplicateEdge: 'duplicateEdge',
  /** Two branches / variants / exits / rungs inside one node share an id. */
  duplicateItemId: 'duplicateItemId',
  /** An edge's source or target node does not exist. */
  danglingEdge: 'danglingEdge',
  /** An edge leaves from a port its source node does not have. */
  unknownPort: 'unknownPort',
  /** An output port has no edge. */
  unconnectedPort: 'unconnectedPort',
  /** The journey has no entry node. */
  missingEntry: 'missingEntry',
  /** The journey has more than one entry node. */
  multipleEntries: 'multipleEntries',
  /** An edge points into the entry node. */
  edgeIntoEntry: 'edgeIntoEntry',
  /** No path from the entry reaches the node. */
  unreachableNode: 'unreachableNode',
  /** A cycle a client could run around without ever waiting. */
  cycleWithoutWait: 'cycleWithoutWait',
  /** A random split's weights do not sum to 100. */
  weightsNotHundred: 'weightsNotHundred',
  /** An escalation ladder's rung offsets are not strictly increasing. */
  rungsOutOfOrder: 'rungsOutOfOrder',
  /** An event type is not in the catalog. */
  unknownEvent: 'unknownEvent',
  /** A template is not in the catalog. */
  unknownTemplate: 'unknownTemplate',
  /** An offer is not in the catalog. */
  unknownOffer: 'unknownOffer',
  /** A segment is not in the catalog. */
  unknownSegment: 'unknownSegment',
  /** A started journey is not in the catalog. */
  unknownJourney: 'unknownJourney',
  /** An event scope names a node that does not exist or is not a send / ladder node. */
  invalidScope: 'invalidScope',
  /** An update-client node changes nothing. */
  emptyUpdate: 'emptyUpdate',
  /** The fallback time zone is not an IANA zone. */
  invalidTimeZone: 'invalidTimeZone',
  /** The entry window ends before it starts. */
  invalidEntryWindow: 'invalidEntryWindow',
  /**
   * Warning: every goal event also enrolls the client anew (`concurrent` re-entry, no end to the entry
   * window), and the event that enrolls a client never counts as its goal, so no enrollment can convert.
   */
  goalOnlyByEntryEvent: 'goalOnlyByEntryEvent',
  /** A send (or rung) may go out on a channel its template has no variant for. */
  missingTemplateVariant: 'missingTemplateVariant',
  /** A send (or rung) names a channel this deployment has not configured. */
  channelNotConfigured: 'channelNotConfigured',
  /** A send (or rung) waits for a call outcome but never calls (no `call` among its channels). */
  callOutcomeWithoutCall: 'callOutcomeWithoutCall',
  /** A schedule entry's cron is not one Temporal Schedules can run (see `describeCronProblem`). */
  invalidCron: 'invalidCron',
  /** The journey has more nodes or edges than `MAX_JOURNEY_NODES` / `MAX_JOURNEY_EDGES`. */
  journeyTooLarge: 'journeyTooLarge',
} as const;

/** One of {@link PROBLEM_CODES}. */
export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

/** How much a problem matters: an error refuses publishing, a warning is shown and publishes. */
export type ProblemSeverity = 'error' | 'warning';

/** One problem found in a journey; `nodeId` is null for journey-wide problems. */
export interface JourneyProblem {
  nodeId: string | null;
  code: ProblemCode;
  message: string;
  /** Absent for errors (everything `validateJourney` returns); `warning` from `findJourneyWarnings`. */
  severity?: ProblemSeverity;
  /** With `invalidConfig` / `invalidDefinition`: each field that broke a rule, so it can be said in words. */
  issues?: ProblemIssue[];
}

/** One field of a definition that broke one rule of the schema. */
export interface ProblemIssue {
  /** Where the field is, from the node (`config.trigger.event.type`) or the definition (`goal.eventType`). */
  path: string[];
  rule: IssueRule;
  /** The bound of a `tooFew` / `tooMany` / `tooShort` / `tooLong` / `tooSmall` / `tooBig` rule. */
  limit?: number;
  /** The bound itself is not allowed (`more than 0`, not `at least 0`). */
  exclusive?: boolean;
  /** The allowed values of a `notAllowed` rule. */
  options?: string[];
  /** The schema's own English text, for engineers and for `other`. */
  message: string;
}

/**
 * What exists outside the journey, for the "unknown …" checks. Each list is optional: a check runs
 * only when its list is given (the builder may not know every journey id, the API does).
 */
export interface JourneyCatalog {
  eventTypes?: readonly string[];
  templateIds?: readonly string[];
  /** The channels each template (by id and by key) has a variant for. */
  templateChannels?: Readonly<Record<string, readonly ChannelKind[]>>;
  /** The channels this deployment can send on. */
  channels?: readonly ChannelKind[];
  offerIds?: readonly string[];
  segments?: readonly string[];
  journeyIds?: readonly string[];
}
