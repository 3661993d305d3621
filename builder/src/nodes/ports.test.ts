import { describe, expect, it } from 'vitest';
import { callPortOf, portItem, portsOfStep } from './ports';

describe('portsOfStep', () => {
  it('names ports as the language does, for every item that has an id', () => {
    const data = {
      kind: 'waitForEvent' as const,
      config: { exits: [{ id: 'bought', name: 'Bought' }, { name: 'no id yet' }] },
    };
    expect(portsOfStep(data)).toEqual(['event:bought', 'timeout']);
    expect(portItem(data, 'event:bought')).toEqual({ id: 'bought', name: 'Bought' });
  });

  it('gives fixed ports to fixed kinds even when the config is empty', () => {
    expect(portsOfStep({ kind: 'send', config: undefined })).toEqual(['sent', 'unreachable']);
    expect(portsOfStep({ kind: 'conditionSplit', config: {} })).toEqual(['else']);
    expect(portsOfStep({ kind: 'exit', config: {} })).toEqual([]);
  });

  it('gives a call step one port per outcome exit, on a send and on a ladder rung', () => {
    const send = { kind: 'send' as const, config: { callOutcome: { exits: ['booking', 'nonsense'] } } };
    expect(portsOfStep(send)).toEqual(['sent', 'unreachable', 'call:booking']);
    const ladder = {
      kind: 'escalationLadder' as const,
      config: { rungs: [{ id: 'mail' }, { id: 'phone', callOutcome: { exits: ['refused'] } }, {}] },
    };
    expect(portsOfStep(ladder)).toEqual(['done', 'call:phone:refused']);
    expect(portsOfStep({ kind: 'escalationLadder', config: {} })).toEqual(['done']);
    expect(callPortOf('call:phone:refused')).toEqual({ rungId: 'phone', outcome: 'refused' });
    expect(callPortOf('call:booking')).toEqual({ rungId: null, outcome: 'booking' });
    expect(callPortOf('event:booking')).toBeNull();
  });
});
