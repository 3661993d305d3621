import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY } from './examples';
import { compileJourney } from './compile';
import { isMigratableNode, planMigration } from './plan-migration';

const waitJourney = (waitId: string, days: number) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: waitId, kind: 'wait', config: { mode: 'duration', duration: { amount: days, unit: 'days' } } },
    { id: 'tag', kind: 'updateClient', config: { addTags: ['x'] } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: waitId },
    { id: 'b', source: waitId, sourcePort: 'out', target: 'tag' },
    { id: 'c', source: 'tag', sourcePort: 'out', target: 'done' },
  ],
});

describe('planMigration', () => {
  it('counts per node who moves where and who stays', () => {
    const plan = planMigration(waitJourney('w1', 10), waitJourney('w2', 7), { w1: 'w2' }, { w1: 3, tag: 1 });
    expect(plan).toEqual({
      nodes: [
        { fromNodeId: 'tag', toNodeId: null, waiting: 1 },
        { fromNodeId: 'w1', toNodeId: 'w2', waiting: 3 },
      ],
      problems: [],
      moving: 3,
      staying: 1,
    });
  });

  it('maps compiled ladder steps by their plan ids', () => {
    const plan = planMigration(SEED_004_JOURNEY, SEED_004_JOURNEY, {
      'ladder/call/wait': 'ladder/call/wait',
    });
    expect(plan.problems).toEqual([]);
  });

  it('names every bad node map entry', () => {
    const plan = planMigration(waitJourney('w1', 10), waitJourney('w2', 7), {
      ghost: 'w2',
      tag: 'w2',
      w1: 'done',
      entry: 'nowhere',
    });
    expect(plan.problems.map(({ nodeId, code }) => [nodeId, code])).toEqual([
      ['ghost', 'sourceUnknown'],
      ['tag', 'sourceNotWaiting'],
      ['w1', 'targetNotWaiting'],
      ['entry', 'sourceNotWaiting'],
      ['entry', 'targetUnknown'],
    ]);
    expect(plan.problems[2]!.message).toContain('"done" is a node of kind exit');
  });

  it('reports a version that does not compile', () => {
    const plan = planMigration(
      waitJourney('w1', 10),
      { schemaVersion: 1, nodes: [], edges: [] },
      { w1: 'w2' },
    );
    expect(plan.problems).toMatchObject([{ nodeId: null, code: 'versionInvalid' }]);
    expect(plan.problems[0]!.message).toMatch(/^The new version: /);
  });

  it('lets clients move only from and onto waits, ladder rung waits included', () => {
    const compiled = compileJourney(SEED_004_JOURNEY);
    if (!compiled.ok) throw new Error('the seed 004 journey compiles');
    const movable = Object.values(compiled.plan.nodes).filter(isMigratableNode);
    expect(movable.map((node) => node.id).sort()).toEqual([
      'ladder/call/wait',
      'ladder/remind/wait',
      'ladder/sms/wait',
      'ladder/stimulate/wait',
    ]);
  });
});
