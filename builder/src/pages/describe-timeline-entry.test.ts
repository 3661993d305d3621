import { describe, expect, it } from 'vitest';
import { TimelineEntry } from '../api/schemas';
import { translate, type Locale } from '../i18n/i18n';
import { describeReason, describeTimelineEntry } from './describe-timeline-entry';

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

describe('steps and exits in the marketer’s words', () => {
  const ladderVisit = {
    kind: 'nodeVisit',
    title: 'node escalationLadder-1/remind/wait',
    journeyId: 'j1',
    nodeId: 'escalationLadder-1/remind/wait',
    step: { name: 'Bring them back', kind: 'escalationLadder', rung: { index: 1, part: 'wait' } },
    outcome: 'out',
  };

  it('names a ladder rung by the ladder and its place, never by compiled ids, in both languages', () => {
    expect(say('en', ladderVisit)).toBe('Step “Bring them back, step 1 (waiting for its day)” → next');
    expect(say('ru', ladderVisit)).toBe('Шаг «Bring them back, ступень 1 (ожидание своего дня)» → далее');
  });

  it('says exit reasons, call outcomes and named branches in words, and de-camel-cases the unknown', () => {
    const exitStep = { name: null, kind: 'exit', rung: null };
    expect(
      say('en', { kind: 'nodeVisit', title: 'x', nodeId: 'lost', step: exitStep, outcome: 'notConverted' }),
    ).toBe('Step “Exit” → goal not reached');
    const split = { name: 'Who are they?', kind: 'conditionSplit', rung: null };
    expect(
      say('ru', {
        kind: 'nodeVisit',
        title: 'x',
        nodeId: 's',
        step: split,
        outcome: 'branch:b1',
        outcomeName: 'VIP',
      }),
    ).toBe('Шаг «Who are they?» → VIP');
    const call = { name: 'Call', kind: 'send', rung: null };
    expect(
      say('en', { kind: 'nodeVisit', title: 'x', nodeId: 'c', step: call, outcome: 'call:noAnswer' }),
    ).toBe('Step “Call” → No answer');
    expect(
      say('en', { kind: 'nodeVisit', title: 'x', nodeId: 'c', step: call, outcome: 'leftForGood' }),
    ).toBe('Step “Call” → left for good');
  });

  it('says why a run ended in words, and keeps a sentence from the server as it is', () => {
    const reason = (value: string) =>
      describeReason(entry({ kind: 'exit', title: 'x', reason: value }), (key, values) =>
        translate('ru', key, values),
      );
    expect(reason('converted')).toBe('цель достигнута');
    expect(reason('journeyPaused')).toBe('journey paused');
    expect(reason('quiet hours')).toBe('quiet hours');
  });

  it('tells a recorded call outcome as its own entry', () => {
    expect(say('en', { kind: 'callOutcome', title: 'x', status: 'completed', outcome: 'callBack' })).toBe(
      'Call: Call back later',
    );
  });
});
