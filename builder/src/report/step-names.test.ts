import { describe, expect, it } from 'vitest';
import { listSteps } from './step-names';

const kind = (value: string) => ({ send: 'Send', wait: 'Wait', entry: 'Entry' })[value] ?? value;

describe('listSteps', () => {
  it('names steps in drawing order, by the first name any definition gives them', () => {
    const chosen = {
      nodes: [
        { id: 'entry', kind: 'entry' },
        { id: 'offer', kind: 'send' },
      ],
    };
    const newer = {
      nodes: [
        { id: 'offer', kind: 'send', name: 'Sofa offer' },
        { id: 'late', kind: 'wait' },
      ],
    };
    expect(listSteps([chosen, newer], kind)).toEqual([
      { id: 'entry', name: 'Entry' },
      { id: 'offer', name: 'Sofa offer' },
      { id: 'late', name: 'Wait' },
    ]);
  });

  it('tells apart unnamed steps of one kind by their ids', () => {
    const definition = {
      nodes: [
        { id: 'offer', kind: 'send' },
        { id: 'reminder', kind: 'send' },
      ],
    };
    expect(listSteps([definition], kind).map((step) => step.name)).toEqual([
      'Send (offer)',
      'Send (reminder)',
    ]);
  });

  it('skips what is not a definition', () => {
    expect(listSteps([null, { nodes: 'x' }, { nodes: [{ id: 1 }] }], kind)).toEqual([]);
  });
});
