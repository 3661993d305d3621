import { z } from 'zod';
import { JourneyEdge, JourneyLayout, NODE_KINDS } from '@touchpoint/language';
import type { JourneyGoal, JourneySettings } from '@touchpoint/language';

/**
 * A journey as it is being drawn: the definition's envelope, but node configs not yet validated
 * (a freshly dropped send has no template). The language's `validateJourney` reports what is
 * missing; the canvas must still load, show and save such drafts.
 */
export const DraftNode = z.object({
  id: z.string().min(1),
  kind: z.enum(NODE_KINDS),
  name: z.string().optional(),
  config: z.unknown(),
});
export type DraftNode = z.infer<typeof DraftNode>;

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Goal and settings keep the language's shape but, like node configs, are checked only by
 * `validateJourney` (and the form): a goal whose event type is still being typed must save and load.
 */
export const JourneyDraft = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(DraftNode),
  edges: z.array(JourneyEdge),
  goal: z.custom<z.input<typeof JourneyGoal>>(isObject).optional(),
  settings: z.custom<z.input<typeof JourneySettings>>(isObject).optional(),
  layout: JourneyLayout.optional(),
});
export type JourneyDraft = z.infer<typeof JourneyDraft>;
