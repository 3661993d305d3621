import { z } from 'zod';

/**
 * What the builder expects back from the API. Responses are parsed, so a server that drifts
 * from this shape fails loudly at the call site instead of rendering half a page. Journey
 * definitions travel as unknown here and are parsed by the journey language where they are used.
 */
export const JourneyStatus = z.enum(['draft', 'active', 'paused', 'archived']);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

export const JourneySummary = z.object({
  id: z.string(),
  name: z.string(),
  status: JourneyStatus,
  /** The live version's number; null until first published. */
  currentVersion: z.number().int().nullable(),
  enrolled: z.number().int().default(0),
  conversion: z.number().nullable().default(null),
  updatedAt: z.string().optional(),
});
export type JourneySummary = z.infer<typeof JourneySummary>;

export const JourneyDetail = JourneySummary.extend({ draft: z.unknown() });
export type JourneyDetail = z.infer<typeof JourneyDetail>;

export const Problem = z.object({
  nodeId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export const ValidateResult = z.object({ problems: z.array(Problem) });
export type ValidateResult = z.infer<typeof ValidateResult>;

export const PublishResult = z.object({ number: z.number().int() });
export type PublishResult = z.infer<typeof PublishResult>;

/** A published, immutable version (the server returns each with its definition). */
export const JourneyVersion = z.object({
  number: z.number().int(),
  createdAt: z.string(),
  definition: z.unknown(),
  summary: z.string().default(''),
});
export type JourneyVersion = z.infer<typeof JourneyVersion>;

export const NodeStats = z.object({
  entered: z.number().int(),
  waiting: z.number().int(),
  sent: z.number().int(),
  converted: z.number().int(),
});
export type NodeStats = z.infer<typeof NodeStats>;

export const JourneyStats = z.object({
  nodes: z.record(z.string(), NodeStats),
  edges: z.record(z.string(), z.number().int()),
});
export type JourneyStats = z.infer<typeof JourneyStats>;

/** One item of a picker (event type, message template, offer). */
export const CatalogItem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  channel: z.string().optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CallOutcome = z.enum(['reached', 'interested', 'booked', 'notReached', 'refused']);
export type CallOutcome = z.infer<typeof CallOutcome>;

export const CallTask = z.object({
  id: z.string(),
  clientId: z.string(),
  journeyId: z.string(),
  journeyName: z.string().optional(),
  nodeId: z.string(),
  createdAt: z.string(),
  reason: z.string().default(''),
  script: z.string().default(''),
  offer: z.record(z.string(), z.unknown()).nullable().default(null),
  status: z.string(),
});
export type CallTask = z.infer<typeof CallTask>;

export const Purchase = z.object({
  occurredAt: z.string(),
  amount: z.number(),
  product: z.string().optional(),
});
export type Purchase = z.infer<typeof Purchase>;

export const ClientCard = z.object({
  id: z.string(),
  name: z.string().nullable().default(null),
  email: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  attributes: z.record(z.string(), z.unknown()).default({}),
  purchases: z.array(Purchase).default([]),
});
export type ClientCard = z.infer<typeof ClientCard>;

/** One thing that happened to a client, with the journey step that caused it when there is one. */
export const TimelineEntry = z.object({
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  journeyId: z.string().nullable().default(null),
  nodeId: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
