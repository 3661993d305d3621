import { describe, expect, it } from 'vitest';
import { entryEventMatcher, SEGMENT_EVENT_TYPES } from './entry-events';
import { matchesEvent } from './filters';

describe('entryEventMatcher', () => {
  it('starts a segment-entry journey on the segment.entered event of that segment only', () => {
    const matcher = entryEventMatcher({ kind: 'segment', segment: 'R1F3M3', on: 'enter' });
    expect(matcher).not.toBeNull();
    const event = (type: string, segment: string) => ({ type, properties: { segment } });
    expect(matchesEvent(matcher!, event(SEGMENT_EVENT_TYPES.enter, 'R1F3M3'))).toBe(true);
    expect(matchesEvent(matcher!, event(SEGMENT_EVENT_TYPES.enter, 'R3F3M3'))).toBe(false);
    expect(matchesEvent(matcher!, event(SEGMENT_EVENT_TYPES.leave, 'R1F3M3'))).toBe(false);
  });

  it('leaves schedule and manual entries to the scheduler and the API', () => {
    expect(entryEventMatcher({ kind: 'manual' })).toBeNull();
    expect(entryEventMatcher({ kind: 'schedule', cron: '0 9 * * 1', segment: 'overdue' })).toBeNull();
  });
});
