import { describe, expect, it } from 'vitest';
import { TimelineEntry } from '../api/schemas';
import { translate, type Locale } from '../i18n/i18n';
import { describeTimelineEntry } from './describe-timeline-entry';

const entry = (fields: Record<string, unknown>) =>
  TimelineEntry.parse({ at: '2026-11-22T10:00:00Z', journeyId: null, nodeId: null, reason: null, ...fields });
const say = (locale: Locale, fields: Record<string, unknown>) =>
  describeTimelineEntry(entry(fields), (key, values) => translate(locale, key, values), locale).replace(
    /\u00a0/g,
    ' ',
  );

describe('timeline entries in the interface language', () => {
  it('tells purchases, journeys, messages and calls in Russian', () => {
    expect(say('ru', { kind: 'purchase', title: 'purchase 200.00 USD', value: 200 })).toBe(
      'Покупка на 200,00 $',
    );
    expect(
      say('ru', {
        kind: 'enrollment',
        title: 'entered "Win-back" v2 via event',
        journeyId: 'j1',
        status: 'active',
      }),
    ).toBe('Вошёл в цепочку «Win-back»');
    expect(say('ru', { kind: 'message', title: 'email sent', channel: 'email', status: 'sent' })).toBe(
      'Письмо: отправлено',
    );
    expect(say('ru', { kind: 'callTask', title: 'call task open', status: 'open' })).toBe('Звонок в очереди');
    expect(
      say('ru', {
        kind: 'callTask',
        title: 'call task completed: booking',
        status: 'completed',
        outcome: 'booking',
      }),
    ).toBe('Звонок: Забронировал');
  });

  it('falls back to the server title for what it does not know', () => {
    expect(say('en', { kind: 'message', title: 'pigeon landed', channel: 'pigeon', status: 'sent' })).toBe(
      'pigeon landed',
    );
    expect(say('en', { kind: 'somethingNew', title: 'something new' })).toBe('something new');
  });
});
