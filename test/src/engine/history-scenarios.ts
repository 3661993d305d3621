import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { JourneyDefinition } from '@touchpoint/language';
import { SEED_004_JOURNEY } from '@touchpoint/language';
import { journeyVersions } from '@touchpoint/db';
import { signalClientEvent } from '@touchpoint/engine/temporal/enroll-client';
import { migrateEnrollments } from '@touchpoint/engine/temporal/migrate-enrollments';
import type { journeyWorkflow } from '@touchpoint/engine/workflows/journey-workflow';
import type { z } from 'zod';
import { DAY_MS } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';
import { edge, entry, exit } from './journey-parts';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Definition = z.input<typeof JourneyDefinition>;
type Handle = WorkflowHandleWithFirstExecutionRunId<typeof journeyWorkflow>;

/** A representative journey run whose histories are committed and replayed against current code. */
export interface HistoryScenario {
  name: string;
  /** Runs the journey to its end on the time-skipping server and returns the handle. */
  run(fixture: EngineFixture): Promise<Handle>;
}

const event = (eventId: string, type: string, extra: { nodeId?: string } = {}) => ({
  eventId,
  type,
  occurredAt: '2026-01-01T00:00:00.000Z',
  properties: {},
  ...extra,
});

async function start(fixture: EngineFixture, definition: Definition, clientId?: string) {
  const journeyId = await fixture.createJourney(definition);
  return fixture.enroll(journeyId, clientId ?? (await fixture.createClient()), definition);
}

const SEND_AND_REACT: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    { id: 'mail', kind: 'send', config: { channels: ['email'], templateId: 'winback' } },
    {
      id: 'react',
      kind: 'waitForEvent',
      config: {
        exits: [
          {
            id: 'clicked',
            event: { type: 'email.clicked' },
            scope: { kind: 'messageFromNode', nodeId: 'mail' },
          },
        ],
        timeout: { amount: 3, unit: 'days' },
      },
    },
    exit('clicked'),
    exit('silent'),
  ],
  edges: [
    edge('entry', 'out', 'mail'),
    edge('mail', 'sent', 'react'),
    edge('mail', 'unreachable', 'silent'),
    edge('react', 'event:clicked', 'clicked'),
    edge('react', 'timeout', 'silent'),
  ],
};

const SPLITS: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    {
      id: 'tier',
      kind: 'conditionSplit',
      config: {
        branches: [
          {
            id: 'gold',
            condition: { predicates: [{ kind: 'attribute', attribute: 'tier', op: 'eq', value: 'gold' }] },
          },
        ],
      },
    },
    {
      id: 'ab',
      kind: 'randomSplit',
      config: {
        variants: [
          { id: 'a', weight: 50 },
          { id: 'b', weight: 50 },
        ],
      },
    },
    { id: 'tag', kind: 'updateClient', config: { addTags: ['gold'] } },
    {
      id: 'react',
      kind: 'waitForEvent',
      config: {
        exits: [{ id: 'bought', event: { type: 'purchase' } }],
        timeout: { amount: 1, unit: 'days' },
      },
    },
    exit('a'),
    exit('b'),
    exit('bought'),
    exit('silent'),
  ],
  edges: [
    edge('entry', 'out', 'tier'),
    edge('tier', 'branch:gold', 'tag'),
    edge('tier', 'else', 'ab'),
    edge('ab', 'variant:a', 'a'),
    edge('ab', 'variant:b', 'b'),
    edge('tag', 'out', 'react'),
    edge('react', 'event:bought', 'bought'),
    edge('react', 'timeout', 'silent'),
  ],
};

const LONG_WAIT: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 365, unit: 'days' } } },
    exit('done'),
  ],
  edges: [edge('entry', 'out', 'pause'), edge('pause', 'out', 'done')],
  goal: { event: { type: 'purchase' } },
};

const LONG_WAIT_V2: Definition = {
  schemaVersion: 1,
  nodes: [
    entry,
    { id: 'nap', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
    { id: 'tag', kind: 'updateClient', config: { addTags: ['migrated'] } },
    exit('done'),
  ],
  edges: [edge('entry', 'out', 'nap'), edge('nap', 'out', 'tag'), edge('tag', 'out', 'done')],
};

function withoutTemplate(node: Definition['nodes'][number]): Definition['nodes'][number] {
  return node.kind === 'send'
    ? { ...node, config: { ...node.config, templateId: 'no-such-template' } }
    : node;
}

export const HISTORY_SCENARIOS: readonly HistoryScenario[] = [
  {
    name: 'seed-004-converted-day-74',
    async run(fixture) {
      const now = await fixture.now();
      const clientId = await fixture.createClient({ expectedNextPurchaseAt: new Date(now + 60 * DAY_MS) });
      const handle = await start(fixture, SEED_004_JOURNEY, clientId);
      await fixture.env.sleep(74 * DAY_MS);
      await signalClientEvent(fixture.client, handle.workflowId, event('purchase-74', 'purchase'));
      return handle;
    },
  },
  {
    name: 'send-then-clicked',
    async run(fixture) {
      const handle = await start(fixture, SEND_AND_REACT);
      await fixture.env.sleep(DAY_MS);
      await signalClientEvent(
        fixture.client,
        handle.workflowId,
        event('click', 'email.clicked', { nodeId: 'mail' }),
      );
      return handle;
    },
  },
  {
    name: 'splits-gold-timeout',
    async run(fixture) {
      return start(fixture, SPLITS, await fixture.createClient({ attributes: { tier: 'gold' } }));
    },
  },
  {
    name: 'splits-random-variant',
    run: (fixture) => start(fixture, SPLITS),
  },
  {
    name: 'continue-as-new-then-goal',
    async run(fixture) {
      const journeyId = await fixture.createJourney(LONG_WAIT);
      const clientId = await fixture.createClient();
      const handle = await fixture.enroll(journeyId, clientId, LONG_WAIT, { historyLimit: 30 });
      // Paced, so each signal gets its own workflow task and the run can close between two of them.
      for (let index = 0; index < 40; index += 1) {
        await signalClientEvent(fixture.client, handle.workflowId, event(`view-${index}`, 'page.view'));
        await delay(20);
      }
      while ((await handle.describe()).runId === handle.firstExecutionRunId) await delay(50);
      await signalClientEvent(fixture.client, handle.workflowId, event('buy', 'purchase'));
      return handle;
    },
  },
  {
    name: 'migrated-to-version-2',
    async run(fixture) {
      const journeyId = await fixture.createJourney(LONG_WAIT);
      const handle = await fixture.enroll(journeyId, await fixture.createClient(), LONG_WAIT);
      await fixture.env.sleep(DAY_MS);
      await fixture.db
        .insert(journeyVersions)
        .values({ journeyId, number: 2, definition: LONG_WAIT_V2 as never });
      await migrateEnrollments({
        client: fixture.client,
        db: fixture.db,
        journeyId,
        fromVersion: 1,
        toVersion: 2,
        nodeMap: { pause: 'nap' },
        dryRun: false,
      });
      return handle;
    },
  },
  {
    // No such template: the send fails for good and the enrollment is finished as `failed`.
    name: 'send-failed-template-missing',
    run: (fixture) => start(fixture, { ...SEND_AND_REACT, nodes: SEND_AND_REACT.nodes.map(withoutTemplate) }),
  },
  {
    name: 'cancelled-during-wait',
    async run(fixture) {
      const handle = await start(fixture, LONG_WAIT);
      await fixture.env.sleep(DAY_MS);
      await handle.cancel();
      return handle;
    },
  },
];
