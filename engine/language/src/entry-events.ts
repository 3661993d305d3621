import type { EventMatcher } from './filters';
import type { EntryTrigger } from './nodes';

/**
 * Segment changes arrive as ordinary events (the segmentation job, or a CRM, posts them), so a
 * segment entry is an event entry in disguise: `segment.entered` / `segment.left` with the segment's
 * name in `properties.segment` (an RFM cell such as `R1F3M3`, a lifecycle stage, any named segment).
 */
export const SEGMENT_EVENT_TYPES = { enter: 'segment.entered', leave: 'segment.left' } as const;

/** The events that start a journey with this trigger; null for schedule and manual entries. */
export function entryEventMatcher(trigger: EntryTrigger): EventMatcher | null {
  switch (trigger.kind) {
    case 'event':
      return trigger.event;
    case 'segment':
      return {
        type: SEGMENT_EVENT_TYPES[trigger.on],
        filters: [{ property: 'segment', op: 'eq', value: trigger.segment }],
      };
    case 'schedule':
    case 'manual':
      return null;
    default: {
      const unknown: never = trigger;
      throw new Error(`unknown entry trigger ${JSON.stringify(unknown)}`);
    }
  }
}
