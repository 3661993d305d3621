import { describe, expect, it } from 'vitest';
import { portItem, portsOfStep } from './ports';

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
});
