import type { EventRow } from '@touchpoint/db';
import { describe, expect, it } from 'vitest';
import { JourneyDefinition } from '@touchpoint/language';
import type { ReentryPolicy } from '@touchpoint/language';
import { journeyWorkflowId } from '../temporal/workflow-ids';
import type { RoutableJourney } from './journey-index';
import { planDeliveries } from './plan-deliveries';

function journey(journeyId: string, reentry: ReentryPolicy, awaited: string[] = []): RoutableJourney {
  const definition = JourneyDefinition.parse({
    schemaVersion: 1,
    nodes: [{ id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'visit' } } } }],
    edges: [],
    settings: { reentry },
  });
  return {
    journeyId,
    version: 1,
    definition,
    reentry,
    entry: { type: 'visit', filters: [] },
    awaitedEventTypes: new Set(awaited),
  };
}

let nextId = 1;
function event(clientId: string, type: string): EventRow {
  return {
    id: nextId++,
    clientId,
    type,
    occurredAt: new Date('2026-01-01T00:00:00Z'),
    receivedAt: new Date('2026-01-01T00:00:00Z'),
    properties: {},
    idempotencyKey: `k${nextId}`,
    source: 'api',
    messageId: null,
    nodeId: null,
    routedAt: null,
    routingClaimedUntil: null,
  };
}

const none = { active: [], everEnrolled: new Set<string>() };
const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('planDeliveries', () => {
  it('starts a client once for a burst of entry events, carrying only the later events the run awaits', () => {
    const burst = [event('c1', 'visit'), event('c1', 'visit'), event('c1', 'purchase'), event('c1', 'visit')];
    const plan = planDeliveries(burst, [journey('j', 'afterExit', ['purchase'])], none, NOW);
    expect(plan.deliveries).toHaveLength(1);
    expect(plan.deliveries[0]).toMatchObject({ kind: 'start', workflowId: journeyWorkflowId('j', 'c1') });
    expect(plan.deliveries[0]!.events.map((e) => e.eventId)).toEqual([
      String(burst[0]!.id),
      String(burst[2]!.id),
    ]);
  });

  it('asks Temporal nothing for entry events of a client already inside, or done with a once journey', () => {
    const burst = [event('c1', 'visit'), event('c2', 'visit')];
    const state = {
      active: [{ clientId: 'c1', journeyId: 'j', journeyVersion: 1, workflowId: 'w1' }],
      everEnrolled: new Set(['c1:j', 'c2:j']),
    };
    expect(planDeliveries(burst, [journey('j', 'once')], state, NOW).deliveries).toEqual([]);
  });

  it('batches awaited events for a running enrollment into one signal', () => {
    const burst = [event('c1', 'purchase'), event('c1', 'click'), event('c1', 'purchase')];
    const state = {
      active: [{ clientId: 'c1', journeyId: 'j', journeyVersion: 1, workflowId: 'w1' }],
      everEnrolled: new Set(['c1:j']),
    };
    const plan = planDeliveries(burst, [journey('j', 'once', ['purchase'])], state, NOW);
    expect(plan.deliveries).toMatchObject([{ kind: 'signal', workflowId: 'w1' }]);
    expect(plan.deliveries[0]!.events).toHaveLength(2);
  });

  it('starts one enrollment per entry event of a concurrent journey', () => {
    const burst = [event('c1', 'visit'), event('c1', 'visit')];
    const plan = planDeliveries(burst, [journey('j', 'concurrent')], none, NOW);
    expect(plan.deliveries.map((d) => d.workflowId)).toEqual(
      burst.map((e) => journeyWorkflowId('j', 'c1', String(e.id))),
    );
  });
});
