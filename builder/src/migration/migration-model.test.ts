import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY, type JourneyPlan } from '@touchpoint/language';
import { markFromSteps, markToSteps } from './migration-marks';
import {
  compileVersion,
  countArrivals,
  pickLanding,
  listLandingSteps,
  proposeNodeMap,
  sumByDrawnStep,
} from './migration-model';
import { defaultVersionPair } from './version-pair';

const holdJourney = (waitId: string, name: string | undefined, days: number) => ({
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: waitId,
      kind: 'wait',
      ...(name ? { name } : {}),
      config: { mode: 'duration', duration: { amount: days, unit: 'days' } },
    },
    { id: 'tag', kind: 'updateClient', config: { addTags: ['x'] } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { id: 'a', source: 'entry', sourcePort: 'out', target: waitId },
    { id: 'b', source: waitId, sourcePort: 'out', target: 'tag' },
    { id: 'c', source: 'tag', sourcePort: 'out', target: 'done' },
  ],
});

function plan(definition: unknown): JourneyPlan {
  const compiled = compileVersion(definition);
  if (compiled === null) throw new Error('the test journey compiles');
  return compiled;
}

describe('the migration screen model', () => {
  it('proposes the same node first, then the step of the same name, and leaves the rest', () => {
    const from = plan(holdJourney('hold', 'Cooling off', 10));
    expect(proposeNodeMap(['hold', 'tag'], from, plan(holdJourney('hold', 'Other', 3)))).toEqual({
      hold: 'hold',
    });
    expect(proposeNodeMap(['hold'], from, plan(holdJourney('w2', 'Cooling off', 3)))).toEqual({ hold: 'w2' });
    expect(proposeNodeMap(['hold'], from, plan(holdJourney('w2', 'Short', 3)))).toEqual({});
  });

  it('keeps a ladder client on the same rung when the ladder is clicked', () => {
    const ladder = plan(SEED_004_JOURNEY);
    const landings = listLandingSteps(ladder);
    expect(pickLanding(landings, 'ladder', 'ladder/sms/wait')).toBe('ladder/sms/wait');
    expect(pickLanding(landings, 'ladder', 'hold')).toBe('ladder/remind/wait');
    expect(pickLanding(landings, 'lost', 'hold')).toBeNull();
  });

  it('adds a ladder’s rungs up on the ladder and counts who arrives where', () => {
    const ladder = plan(SEED_004_JOURNEY);
    expect(sumByDrawnStep(ladder, { 'ladder/sms/wait': 2, 'ladder/call/wait': 3 })).toEqual({ ladder: 5 });
    expect(countArrivals({ a: 'w2', b: 'w2' }, { a: 2, b: 3, c: 9 })).toEqual({ w2: 5 });
  });

  it('marks who waits and where they go on the old version, and who arrives on the new one', () => {
    const input = {
      from: plan(holdJourney('hold', 'Cooling off', 10)),
      to: plan(holdJourney('w2', 'Short', 3)),
      fromVersion: 1,
      waiting: { hold: 4 },
      nodeMap: { hold: 'w2' },
      pickedStep: null,
      problems: [{ nodeId: 'hold', text: 'bad' }],
      labelTo: (id: string) => `label of ${id}`,
    };
    expect(markFromSteps(input)).toEqual({
      hold: {
        side: 'from',
        waiting: 4,
        goesTo: ['label of w2'],
        fromVersion: 1,
        isPicked: false,
        problems: ['bad'],
      },
    });
    expect(markToSteps(input)).toEqual({ w2: { side: 'to', arriving: 4, isChoosable: false } });
  });

  it('starts from the newest version and the one before it, or the two picked', () => {
    const versions = [3, 1, 2].map((number) => ({ number, createdAt: '', definition: {}, summary: null }));
    expect(defaultVersionPair(versions, [])).toEqual({ fromVersion: 2, toVersion: 3 });
    expect(defaultVersionPair(versions, [3, 1])).toEqual({ fromVersion: 1, toVersion: 3 });
  });
});
