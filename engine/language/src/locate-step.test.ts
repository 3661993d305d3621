import { describe, expect, it } from 'vitest';
import { JourneyNode } from './nodes';
import { locateStep, portItemName } from './locate-step';

const nodes = [
  {
    id: 'escalationLadder-1',
    kind: 'escalationLadder',
    name: 'Win them back',
    config: {
      checkpoint: { source: 'expectedNextPurchase' },
      rungs: [
        { id: 'remind', offset: { amount: -3, unit: 'days' }, channels: ['email'], templateId: 'remind' },
        { id: 'call', offset: { amount: 5, unit: 'days' }, channels: ['call'], templateId: 'remind' },
      ],
    },
  },
  {
    id: 'split',
    kind: 'conditionSplit',
    config: {
      branches: [
        {
          id: 'vip',
          name: 'Big spenders',
          condition: { predicates: [{ kind: 'tag', tag: 'vip', has: true }] },
        },
      ],
    },
  },
].map((node) => JourneyNode.parse(node));

describe('locateStep', () => {
  it('names the drawn ladder and the rung a compiled step belongs to, counted as the editor counts', () => {
    expect(locateStep(nodes, 'escalationLadder-1/call/send')).toEqual({
      nodeId: 'escalationLadder-1',
      name: 'Win them back',
      kind: 'escalationLadder',
      rung: { index: 2, id: 'call', part: 'send' },
    });
  });

  it('answers a drawn step by its own id, without a name when it has none, and null for an unknown id', () => {
    expect(locateStep(nodes, 'split')).toEqual({
      nodeId: 'split',
      name: null,
      kind: 'conditionSplit',
      rung: null,
    });
    expect(locateStep(nodes, 'gone/step')).toBeNull();
  });
});

describe('portItemName', () => {
  it("gives a branch port its branch's name, and nothing for a fixed port", () => {
    expect(portItemName(nodes[1]!, 'branch:vip')).toBe('Big spenders');
    expect(portItemName(nodes[1]!, 'else')).toBeNull();
  });
});
