import { describe, expect, it } from 'vitest';
import { awaitedEventTypes, journeyEntryMatcher } from './awaited-events';
import { JourneyDefinition } from './definition';
import { SEED_004_JOURNEY } from './examples';

const entry = (trigger: unknown) => ({ id: 'entry', kind: 'entry', config: { trigger } });
const exit = { id: 'done', kind: 'exit', config: {} };

function journey(nodes: unknown[], goal?: unknown) {
  return JourneyDefinition.parse({ schemaVersion: 1, nodes, edges: [], ...(goal ? { goal } : {}) });
}

function contractEndWait(movedBy: string[]) {
  return {
    id: 'before-end',
    kind: 'wait',
    config: {
      mode: 'checkpoint',
      checkpoint: { source: 'attribute', attribute: 'contractEnd', movedBy },
      offset: { amount: -7, unit: 'days' },
    },
  };
}

describe('awaitedEventTypes', () => {
  it('awaits the goal and every wait-for-event exit', () => {
    const definition = journey(
      [
        entry({ kind: 'manual' }),
        {
          id: 'opened',
          kind: 'waitForEvent',
          config: {
            exits: [
              { id: 'open', event: { type: 'email.opened' } },
              { id: 'call', event: { type: 'call.booking' } },
            ],
            timeout: { amount: 1, unit: 'days' },
          },
        },
        exit,
      ],
      { event: { type: 'deal.closed' } },
    );
    expect([...awaitedEventTypes(definition)].sort()).toEqual([
      'call.booking',
      'deal.closed',
      'email.opened',
    ]);
  });

  it("awaits an attribute checkpoint's movedBy events, and not purchases it does not depend on", () => {
    const definition = journey([entry({ kind: 'manual' }), contractEndWait(['contract.renewed']), exit]);
    expect([...awaitedEventTypes(definition)]).toEqual(['contract.renewed']);
  });

  it('awaits purchases for a ladder timed on the expected next purchase', () => {
    const definition = JourneyDefinition.parse(SEED_004_JOURNEY);
    expect([...awaitedEventTypes(definition)]).toEqual(['purchase']);
  });

  it('awaits purchases for an expected-next-purchase wait even when its movedBy list omits them', () => {
    const wait = {
      id: 'due',
      kind: 'wait',
      config: {
        mode: 'checkpoint',
        checkpoint: { source: 'expectedNextPurchase', movedBy: ['visit'] },
        offset: { amount: 0, unit: 'days' },
      },
    };
    const definition = journey([entry({ kind: 'manual' }), wait, exit]);
    expect([...awaitedEventTypes(definition)].sort()).toEqual(['purchase', 'visit']);
  });

  it('awaits nothing for a journey that only sends and waits fixed times', () => {
    const definition = journey([
      entry({ kind: 'event', event: { type: 'signup' } }),
      { id: 'w', kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } },
      exit,
    ]);
    expect(awaitedEventTypes(definition).size).toBe(0);
  });
});

describe('journeyEntryMatcher', () => {
  it('is the entry node trigger’s event, or null for a manual entry', () => {
    const byEvent = journey([entry({ kind: 'event', event: { type: 'signup' } }), exit]);
    expect(journeyEntryMatcher(byEvent)).toEqual({ type: 'signup', filters: [] });
    expect(journeyEntryMatcher(journey([entry({ kind: 'manual' }), exit]))).toBeNull();
  });
});
