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
  /** A schedule entry's cron is not one Temporal Schedules can run (see `describeCronProblem`). */
  invalidCron: 'invalidCron',
  /** The journey has more nodes or edges than `MAX_JOURNEY_NODES` / `MAX_JOURNEY_EDGES`. */
  journeyTooLarge: 'journeyTooLarge',
} as const;

/** One of {@link PROBLEM_CODES}. */
export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

/** One problem found in a journey; `nodeId` is null for journey-wide problems. */
export interface JourneyProblem {
  nodeId: string | null;
  code: ProblemCode;
  message: string;
}

/**
 * What exists outside the journey, for the "unknown …" checks. Each list is optional: a check runs
 * only when its list is given (the builder may not know every journey id, the API does).
 */
export interface JourneyCatalog {
  eventTypes?: readonly string[];
  templateIds?: readonly string[];
  offerIds?: readonly string[];
  segments?: readonly string[];
  journeyIds?: readonly string[];
}
