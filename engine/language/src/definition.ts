import { z } from 'zod';
import { Duration } from './duration';
import { EventMatcher } from './filters';
import { JOURNEY_PURPOSES, JourneyHoldout } from './holdout';
import { JourneyNode } from './nodes';

/** A directed edge from one output port of `source` to `target`. Each port has at most one edge. */
export const JourneyEdge = z.object({
  /** Any stable string (canvases often derive it from the ports it joins). */
  id: z.string().min(1).max(200),
  source: z.string().min(1),
  sourcePort: z.string().min(1),
  target: z.string().min(1),
});
export type JourneyEdge = z.infer<typeof JourneyEdge>;

/**
 * The journey's goal: an event (with filters) within `window` of entering. Reaching it at any node
 * exits the client as converted, with the path they took on record.
 */
export const JourneyGoal = z.object({
  name: z.string().optional(),
  event: EventMatcher,
  window: Duration.optional(),
});
export type JourneyGoal = z.infer<typeof JourneyGoal>;

/**
 * May a client enter again? `once`: once ever; `afterExit`: again once the previous enrollment ended;
 * `concurrent`: any number of enrollments at once (each keyed by its entry event).
 */
export const REENTRY_POLICIES = ['once', 'afterExit', 'concurrent'] as const;
export type ReentryPolicy = (typeof REENTRY_POLICIES)[number];

/** Journey-wide settings. Times are ISO 8601; the fallback zone applies to clients without one. */
export const JourneySettings = z.object({
  reentry: z.enum(REENTRY_POLICIES).default('once'),
  entryWindow: z
    .object({
      from: z.iso.datetime({ offset: true }).optional(),
      until: z.iso.datetime({ offset: true }).optional(),
    })
    .default({}),
  timezoneFallback: z.string().min(1).default('UTC'),
  /** The journey's control group; none when absent. Versioned with the definition. */
  holdout: JourneyHoldout.optional(),
  /** `promotional` when absent; `transactional` journeys are exempt from the global control group. */
  purpose: z.enum(JOURNEY_PURPOSES).optional(),
});
export type JourneySettings = z.infer<typeof JourneySettings>;

/** Canvas positions by node id; kept apart so moving a node never changes what runs. */
export const JourneyLayout = z.record(z.string(), z.object({ x: z.number(), y: z.number() }));
export type JourneyLayout = z.infer<typeof JourneyLayout>;

/** A whole journey as drawn and stored; a published version is an immutable snapshot of this. */
export const JourneyDefinition = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(JourneyNode),
  edges: z.array(JourneyEdge),
  goal: JourneyGoal.optional(),
  settings: JourneySettings.default({ reentry: 'once', entryWindow: {}, timezoneFallback: 'UTC' }),
  layout: JourneyLayout.default({}),
});
export type JourneyDefinition = z.infer<typeof JourneyDefinition>;

/** True when `now` (epoch ms) lies inside the journey's entry window. */
export function isWithinEntryWindow(settings: JourneySettings, now: number): boolean {
  const { from, until } = settings.entryWindow;
  if (from !== undefined && now < Date.parse(from)) return false;
  if (until !== undefined && now > Date.parse(until)) return false;
  return true;
}
