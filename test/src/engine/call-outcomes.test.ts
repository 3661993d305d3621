import { CALL_OUTCOMES as CALL_CENTER_OUTCOMES } from '@touchpoint/activities/call-center/index';
import { CALL_OUTCOMES } from '@touchpoint/language';
import { describe, expect, it } from 'vitest';

// The journey language imports nothing of ours, so it keeps its own copy of the call outcomes its
// call steps name ports after; this keeps the copy equal to what operators can record.
describe('call outcomes', () => {
  it('are the same in the journey language and the call center', () => {
    expect([...CALL_OUTCOMES]).toEqual([...CALL_CENTER_OUTCOMES]);
  });
});
