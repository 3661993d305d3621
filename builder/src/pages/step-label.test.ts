import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import type { JourneyDraft } from '../canvas/draft';
import { stepLabelIn } from './step-label';

const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('en', key, values);

describe('stepLabelIn', () => {
  const now = {
    schemaVersion: 1,
    nodes: [
      { id: 'send-1', kind: 'send', name: 'Welcome email', config: {} },
      { id: 'wait-1', kind: 'wait', config: {} },
    ],
    edges: [],
  } as unknown as JourneyDraft;
  const before = {
    schemaVersion: 1,
    nodes: [{ id: 'sms-1', kind: 'send', name: 'SMS reminder', config: {} }],
    edges: [],
  } as unknown as JourneyDraft;

  it('names a step by its name, by its kind while unnamed, a removed one from the older draft', () => {
    expect(stepLabelIn([now, before], 'send-1', en)).toBe('Welcome email');
    expect(stepLabelIn([now, before], 'wait-1', en)).toBe('Wait');
    expect(stepLabelIn([now, before], 'sms-1', en)).toBe('SMS reminder');
    expect(stepLabelIn([now, before], 'gone', en)).toBe('gone');
  });
});
