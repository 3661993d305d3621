import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFacts, clients, enrollments, nodeVisits } from '@touchpoint/db';
import { toWallClock } from '@touchpoint/language';
import { signalClientEvent } from '@touchpoint/engine/temporal/enroll-client';
import { getCurrentNodeQuery } from '@touchpoint/engine/workflows/signals';
import { DAY_MS, startEngineFixture } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';
import { edge, entry, exit } from './journey-parts';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.close();
});

async function run(definition: Record<string, unknown>, options: { clientId?: string } = {}) {
  const journey = { schemaVersion: 1, ...definition } as never;
  const clientId = options.clientId ?? (await fixture.createClient());
  const journeyId = await fixture.createJourney(journey);
  const handle = await fixture.enroll(journeyId, clientId, journey);
  return { handle, clientId };
}

async function visitsOf(workflowId: string) {
  const [enrollment] = await fixture.db
    .select()
    .from(enrollments)
    .where(eq(enrollments.workflowId, workflowId));
  return fixture.db
    .select()
    .from(nodeVisits)
    .where(eq(nodeVisits.enrollmentId, enrollment!.id))
    .orderBy(asc(nodeVisits.visitSeq));
}

describe('journey node kinds', () => {
  it('waits a fixed duration, updates the client and exits with the exit node reason', async () => {
    const start = await fixture.now();
    const { handle, clientId } = await run({
      nodes: [
        entry,
        { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 2, unit: 'days' } } },
        {
          id: 'tag',
          kind: 'updateClient',
          config: { setAttributes: { tier: 'silver' }, addTags: ['nudged'] },
        },
        exit('done'),
      ],
      edges: [edge('entry', 'out', 'pause'), edge('pause', 'out', 'tag'), edge('tag', 'out', 'done')],
    });
    expect(await handle.result()).toEqual({
      status: 'completed',
      reason: 'done',
      path: ['entry', 'pause', 'tag', 'done'],
    });
    const visits = await visitsOf(handle.workflowId);
    expect(Math.round((visits[2]!.enteredAt.getTime() - start) / DAY_MS)).toBe(2);
    const [client] = await fixture.db.select().from(clients).where(eq(clients.id, clientId));
    expect(client!.attributes).toMatchObject({ tier: 'silver', tags: ['nudged'] });
  });

  it('waits until 10:00 in the client time zone', async () => {
    const { handle } = await run({
      nodes: [
        entry,
        { id: 'morning', kind: 'wait', config: { mode: 'timeOfDay', time: '10:00' } },
        exit('done'),
      ],
      edges: [edge('entry', 'out', 'morning'), edge('morning', 'out', 'done')],
    });
    await handle.result();
    const visits = await visitsOf(handle.workflowId);
    const left = toWallClock(visits[1]!.leftAt!.getTime(), 'Europe/Moscow');
    expect([left.hour, left.minute]).toEqual([10, 0]);
  });

  it('sends, then leaves by the event exit when that message is clicked', async () => {
    const { handle } = await run({
      nodes: [
        entry,
        {
          id: 'mail',
          kind: 'send',
          config: {
            channels: ['email'],
            templateId: 'winback',
            offer: { offerId: 'd', params: { discount: 5 } },
          },
        },
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
    });
    await fixture.env.sleep(DAY_MS);
    expect(await handle.query(getCurrentNodeQuery)).toBe('react');
    const event = { type: 'email.clicked', occurredAt: new Date().toISOString(), properties: {} };
    await signalClientEvent(fixture.client, handle.workflowId, {
      ...event,
      eventId: 'other',
      nodeId: 'elsewhere',
    });
    await signalClientEvent(fixture.client, handle.workflowId, { ...event, eventId: 'mine', nodeId: 'mail' });
    expect(await handle.result()).toMatchObject({ reason: 'clicked' });
    expect(fixture.smtp.listMessages().length).toBeGreaterThan(0);
  });

  it('takes the timeout exit when no event comes', async () => {
    const { handle } = await run({
      nodes: [
        entry,
        {
          id: 'react',
          kind: 'waitForEvent',
          config: {
            exits: [{ id: 'bought', event: { type: 'purchase' } }],
            timeout: { amount: 1, unit: 'days' },
          },
        },
        exit('bought'),
        exit('silent'),
      ],
      edges: [
        edge('entry', 'out', 'react'),
        edge('react', 'event:bought', 'bought'),
        edge('react', 'timeout', 'silent'),
      ],
    });
    expect(await handle.result()).toMatchObject({ reason: 'silent' });
  });

  it('splits on a condition, then by stable weighted variant', async () => {
    const definition = {
      nodes: [
        entry,
        {
          id: 'tier',
          kind: 'conditionSplit',
          config: {
            branches: [
              {
                id: 'gold',
                condition: {
                  predicates: [{ kind: 'attribute', attribute: 'tier', op: 'eq', value: 'gold' }],
                },
              },
            ],
          },
        },
        {
          id: 'ab',
          kind: 'randomSplit',
          config: {
            variants: [
              { id: 'a', weight: 100 },
              { id: 'b', weight: 0 },
            ],
          },
        },
        exit('gold'),
        exit('a'),
        exit('b'),
      ],
      edges: [
        edge('entry', 'out', 'tier'),
        edge('tier', 'branch:gold', 'gold'),
        edge('tier', 'else', 'ab'),
        edge('ab', 'variant:a', 'a'),
        edge('ab', 'variant:b', 'b'),
      ],
    };
    const gold = await run(definition, {
      clientId: await fixture.createClient({ attributes: { tier: 'gold' } }),
    });
    const plain = await run(definition);
    expect(await gold.handle.result()).toMatchObject({ reason: 'gold' });
    expect(await plain.handle.result()).toMatchObject({ reason: 'a', path: ['entry', 'tier', 'ab', 'a'] });
  });

  it('re-times a checkpoint wait when a purchase moves the checkpoint', async () => {
    const start = await fixture.now();
    const clientId = await fixture.createClient({ expectedNextPurchaseAt: new Date(start + 30 * DAY_MS) });
    const { handle } = await run(
      {
        nodes: [
          entry,
          {
            id: 'after',
            kind: 'wait',
            config: {
              mode: 'checkpoint',
              checkpoint: { source: 'expectedNextPurchase' },
              offset: { amount: 5, unit: 'days' },
            },
          },
          exit('done'),
        ],
        edges: [edge('entry', 'out', 'after'), edge('after', 'out', 'done')],
      },
      { clientId },
    );
    await fixture.env.sleep(10 * DAY_MS);
    await fixture.db
      .update(clientFacts)
      .set({ expectedNextPurchaseAt: new Date(start + 100 * DAY_MS) })
      .where(eq(clientFacts.clientId, clientId));
    await signalClientEvent(fixture.client, handle.workflowId, {
      eventId: 'p1',
      type: 'purchase',
      occurredAt: new Date(start + 10 * DAY_MS).toISOString(),
      properties: {},
    });
    await handle.result();
    const visits = await visitsOf(handle.workflowId);
    expect(Math.round((visits[2]!.enteredAt.getTime() - start) / DAY_MS)).toBe(105);
  });

  it('follows the past-checkpoint policy: skip exits, runNow goes on at once', async () => {
    const start = await fixture.now();
    const journey = (policy: string) => ({
      nodes: [
        entry,
        {
          id: 'after',
          kind: 'wait',
          config: {
            mode: 'checkpoint',
            checkpoint: { source: 'expectedNextPurchase' },
            offset: { amount: 5, unit: 'days' },
            pastCheckpoint: policy,
          },
        },
        exit('done'),
      ],
      edges: [edge('entry', 'out', 'after'), edge('after', 'out', 'done')],
    });
    const past = new Date(start - 20 * DAY_MS);
    const skipped = await run(journey('skip'), {
      clientId: await fixture.createClient({ expectedNextPurchaseAt: past }),
    });
    const ranNow = await run(journey('runNow'), {
      clientId: await fixture.createClient({ expectedNextPurchaseAt: past }),
    });
    expect(await skipped.handle.result()).toMatchObject({ status: 'exited', reason: 'checkpointPassed' });
    expect(await ranNow.handle.result()).toMatchObject({ status: 'completed', reason: 'done' });
  });

  it('treats cancellation as an exit with a reason', async () => {
    const { handle } = await run({
      nodes: [
        entry,
        { id: 'pause', kind: 'wait', config: { mode: 'duration', duration: { amount: 30, unit: 'days' } } },
        exit('done'),
      ],
      edges: [edge('entry', 'out', 'pause'), edge('pause', 'out', 'done')],
    });
    await fixture.env.sleep(DAY_MS);
    await handle.cancel();
    expect(await handle.result()).toMatchObject({ status: 'exited', reason: 'cancelled' });
    const [enrollment] = await fixture.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.workflowId, handle.workflowId));
    expect(enrollment).toMatchObject({ status: 'exited', exitReason: 'cancelled' });
  });
});
