import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY } from './examples';
import type { ProblemCode } from './problems';
import { validateJourney } from './validate';

type Draft = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; [key: string]: unknown };

function draft(): Draft {
  return structuredClone(SEED_004_JOURNEY) as unknown as Draft;
}

function codesOf(definition: unknown, catalog = {}): ProblemCode[] {
  return validateJourney(definition, catalog).map((problem) => problem.code);
}

const exitNode = (id: string) => ({ id, kind: 'exit', config: {} });

describe('validateJourney', () => {
  it("accepts seed 004's journey", () => {
    expect(validateJourney(SEED_004_JOURNEY)).toEqual([]);
  });

  it('reports a broken node by id and field, and still checks the graph', () => {
    const journey = draft();
    journey.nodes.push({ id: 'bad', kind: 'send', config: { channels: [], templateId: 'x' } });
    const problems = validateJourney(journey);
    expect(problems[0]).toMatchObject({ nodeId: 'bad', code: 'invalidConfig' });
    expect(problems[0]?.message).toContain('config.channels');
    expect(problems.some((problem) => problem.code === 'unreachableNode')).toBe(false);
  });

  it('reports an unknown kind', () => {
    const journey = draft();
    journey.nodes.push({ id: 'x', kind: 'teleport', config: {} });
    expect(validateJourney(journey)[0]?.message).toMatch(/kind must be one of/);
  });

  it('reports unreachable nodes and unconnected ports', () => {
    const journey = draft();
    journey.nodes.push({
      id: 'island',
      kind: 'wait',
      config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
    });
    expect(codesOf(journey)).toEqual(['unconnectedPort', 'unreachableNode']);
  });

  it('reports dangling, duplicate and wrong-port edges', () => {
    const journey = draft();
    journey.edges.push({ id: 'e1', source: 'entry', sourcePort: 'out', target: 'ghost' });
    journey.edges.push({ id: 'e3', source: 'ladder', sourcePort: 'sent', target: 'lost' });
    expect(codesOf(journey)).toEqual(['duplicateEdge', 'danglingEdge', 'duplicateEdge', 'unknownPort']);
  });

  it('reports a missing entry, a second entry and an edge into the entry', () => {
    const journey = draft();
    expect(codesOf({ ...journey, nodes: journey.nodes.slice(1), edges: [] })).toContain('missingEntry');
    journey.nodes.push({ id: 'entry2', kind: 'entry', config: { trigger: { kind: 'manual' } } });
    journey.edges.push({ id: 'e9', source: 'entry2', sourcePort: 'out', target: 'entry' });
    expect(codesOf(journey)).toEqual(expect.arrayContaining(['multipleEntries', 'edgeIntoEntry']));
  });

  it('reports a cycle without a wait but accepts one through a wait', () => {
    const loop = (waitAmount: number) => ({
      schemaVersion: 1,
      nodes: [
        { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
        { id: 'tag', kind: 'updateClient', config: { addTags: ['looped'] } },
        {
          id: 'pause',
          kind: 'wait',
          config: { mode: 'duration', duration: { amount: waitAmount, unit: 'days' } },
        },
      ],
      edges: [
        { id: 'a', source: 'entry', sourcePort: 'out', target: 'tag' },
        { id: 'b', source: 'tag', sourcePort: 'out', target: 'pause' },
        { id: 'c', source: 'pause', sourcePort: 'out', target: 'tag' },
      ],
    });
    expect(codesOf(loop(0))).toEqual(['cycleWithoutWait']);
    expect(codesOf(loop(1))).toEqual([]);
  });

  it('reports weights not summing to 100', () => {
    const journey = {
      schemaVersion: 1,
      nodes: [
        { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
        {
          id: 'ab',
          kind: 'randomSplit',
          config: {
            variants: [
              { id: 'a', weight: 50 },
              { id: 'b', weight: 40 },
            ],
          },
        },
        exitNode('x'),
      ],
      edges: [
        { id: 'e1', source: 'entry', sourcePort: 'out', target: 'ab' },
        { id: 'e2', source: 'ab', sourcePort: 'variant:a', target: 'x' },
        { id: 'e3', source: 'ab', sourcePort: 'variant:b', target: 'x' },
      ],
    };
    expect(validateJourney(journey)).toEqual([
      {
        nodeId: 'ab',
        code: 'weightsNotHundred',
        message: 'Node "ab" (randomSplit): Variant weights sum to 90, not 100',
      },
    ]);
  });

  it('reports ladder rungs out of order', () => {
    const journey = draft();
    const ladder = journey.nodes[1] as { config: { rungs: { offset: { amount: number } }[] } };
    (ladder.config.rungs[2] as { offset: { amount: number } }).offset.amount = 4;
    expect(codesOf(journey)).toEqual(['rungsOutOfOrder']);
  });

  it('checks events, templates, offers and journeys against a catalog', () => {
    const catalog = { eventTypes: ['order'], templateIds: ['remind'], offerIds: [] };
    expect(codesOf(SEED_004_JOURNEY, catalog)).toEqual([
      'unknownTemplate',
      'unknownOffer',
      'unknownTemplate',
      'unknownOffer',
      'unknownTemplate',
      'unknownOffer',
      'unknownEvent',
    ]);
  });

  it('reports an invalid envelope without throwing', () => {
    expect(codesOf({ schemaVersion: 2, nodes: 'no', edges: [] })).toEqual(['invalidDefinition']);
    expect(codesOf(null)).toEqual(['invalidDefinition']);
  });

  it('reports a bad fallback time zone and an inverted entry window', () => {
    const journey = draft();
    journey.settings = {
      timezoneFallback: 'Nowhere/Land',
      entryWindow: { from: '2025-02-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
    };
    expect(codesOf(journey)).toEqual(['invalidTimeZone', 'invalidEntryWindow']);
  });
});
