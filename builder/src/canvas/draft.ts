import { z } from 'zod';
import {
  JourneyEdge,
  JourneyGoal,
  JourneyLayout,
  JourneySettings,
  NODE_KINDS,
} from '@touchpoint/engine/language';

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

export const JourneyDraft = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(DraftNode),
  edges: z.array(JourneyEdge),
  goal: JourneyGoal.optional(),
  settings: JourneySettings.optional(),
  layout: JourneyLayout.optional(),
});
export type JourneyDraft = z.infer<typeof JourneyDraft>;
