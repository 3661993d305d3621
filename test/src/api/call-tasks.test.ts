import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createCallTask } from '@touchpoint/domain';
import { clients, eq, funnelActions, users } from '@touchpoint/db';
import { enrollClient } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture } from './api-fixture';
import type { ApiFixture } from './api-fixture';

const JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
};

let fixture: ApiFixture;
let connection: Connection;
let temporal: Client;
let clientId: string;
let ann: string;
let bob: string;

beforeAll(async () => {
  connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  temporal = new Client({ connection });
  fixture = await createApiFixture({ temporal });
  const db = fixture.database.db;
  const [client] = await db
    .insert(clients)
    .values({ externalId: 'caller-1', phone: '+15550001111' })
    .returning();
  clientId = client!.id;
  const operators = await db
    .insert(users)
    .values([
      { email: 'ann@example.com', name: 'Ann', role: 'operator' },
      { email: 'bob@example.com', name: 'Bob', role: 'operator' },
    ])
    .returning();
  [ann, bob] = operators.map((user) => user.id) as [string, string];
});
afterAll(async () => {
  await fixture.close();
  await connection.close();
});

function task(key: string, extra: Partial<Parameters<typeof createCallTask>[1]> = {}) {
  return createCallTask(fixture.database.db, {
    idempotencyKey: key,
    clientId,
    nodeId: 'call',
    dueAt: '2030-01-01T10:00:00Z',
    ...extra,
  });
}

const post = (url: string, payload: unknown) =>
  fixture.app.inject({ method: 'POST', url, headers: ADMIN, payload: payload as object });

describe('call tasks', () => {
  it('lists the queue by priority, then due time, with the SLA columns filled', async () => {
    const low = await task('q-low', { priority: 10, dueAt: '2030-01-01T09:00:00Z' });
    const late = await task('q-late', { priority: 90, dueAt: '2030-01-02T09:00:00Z', slaMinutes: 60 });
    const early = await task('q-early', { priority: 90, dueAt: '2030-01-01T09:00:00Z' });
    const response = await fixture.app.inject({ method: 'GET', url: '/v1/call-tasks', headers: ADMIN });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; slaDueAt: string; priority: number }[];
    expect(items.map((item) => item.id)).toEqual([early.taskId, late.taskId, low.taskId]);
    expect(items[1]).toMatchObject({
      priority: 90,
      slaDueAt: '2030-01-02T10:00:00.000Z',
      isSlaBreached: false,
    });
    expect(items[0]).toMatchObject({ client: { id: 'caller-1', phone: '+15550001111' } });
  });

  it('lets one of two racing operators claim a task and hides tasks pinned to a colleague', async () => {
    const { taskId } = await task('claim-race', { priority: 100 });
    const [first, second] = await Promise.all([
      post(`/v1/call-tasks/${taskId}/claim`, { operatorId: ann }),
      post(`/v1/call-tasks/${taskId}/claim`, { operatorId: bob }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const again = await post(`/v1/call-tasks/${taskId}/claim`, {
      operatorId: first.statusCode === 200 ? ann : bob,
    });
    expect(again.statusCode).toBe(200);

    const pinned = await task('pinned-to-bob', { assignTo: bob, priority: 100 });
    const annQueue = await fixture.app.inject({
      method: 'GET',
      url: `/v1/call-tasks?operatorId=${ann}&status=open,claimed`,
      headers: ADMIN,
    });
    expect(annQueue.json().items.map((item: { id: string }) => item.id)).not.toContain(pinned.taskId);
    const stolen = await post(`/v1/call-tasks/${pinned.taskId}/claim`, { operatorId: ann });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().message).toMatch(/assigned to another operator/);
    const unknownUser = await post(`/v1/call-tasks/${pinned.taskId}/claim`, { operatorId: randomUUID() });
    expect(unknownUser.statusCode).toBe(404);
    expect(unknownUser.json().message).toMatch(/^body\.operatorId/);
  });

  it('records the outcome as a funnel action and signals it to the waiting journey, once', async () => {
    const journeyId = randomUUID();
    const handle = await enrollClient(temporal, {
      journeyId,
      journeyVersion: 1,
      clientId,
      definition: JOURNEY,
      reentry: 'once',
      source: 'manual',
      // No worker polls this queue: the run stays open, so its history shows exactly what arrived.
      taskQueue: `call-tasks-${journeyId}`,
    });
    const { taskId } = await task('booked', { workflowId: handle.workflowId });
    const done = await post(`/v1/call-tasks/${taskId}/complete`, {
      outcome: 'booking',
      note: 'Fri 3pm',
      operatorId: ann,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      task: { status: 'completed', outcome: 'booking', outcomeNote: 'Fri 3pm' },
      funnelAction: { type: 'booking', sourceKey: `call:${taskId}` },
      isFirstCompletion: true,
      journey: 'signalled',
    });
    const repeat = await post(`/v1/call-tasks/${taskId}/complete`, { outcome: 'booking' });
    expect(repeat.json()).toMatchObject({ isFirstCompletion: false, journey: 'signalled' });
    const changed = await post(`/v1/call-tasks/${taskId}/complete`, { outcome: 'refused' });
    expect(changed.statusCode).toBe(409);

    const actions = await fixture.database.db
      .select()
      .from(funnelActions)
      .where(eq(funnelActions.sourceKey, `call:${taskId}`));
    expect(actions).toHaveLength(1);
    const history = await handle.fetchHistory();
    const signals = (history.events ?? []).filter((event) => event.workflowExecutionSignaledEventAttributes);
    expect(signals.map((event) => event.workflowExecutionSignaledEventAttributes!.signalName)).toEqual([
      'clientEvent',
      'clientEvent',
    ]);
    await handle.terminate('test over');
  });

  it('completes a task whose journey already ended without failing', async () => {
    const { taskId } = await task('late-call', { workflowId: `journey:${randomUUID()}:client:${clientId}` });
    const done = await post(`/v1/call-tasks/${taskId}/complete`, { outcome: 'noAnswer' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ funnelAction: null, journey: 'workflowFinished' });
  });

  it('answers unknown tasks and outcomes with errors naming them', async () => {
    const missing = await post(`/v1/call-tasks/${randomUUID()}/complete`, { outcome: 'reached' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toMatch(/^params\.id: no call task/);
    const { taskId } = await task('bad-outcome');
    const bad = await post(`/v1/call-tasks/${taskId}/complete`, { outcome: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('body.outcome');
  });

  // Found by the fuzzer: the unknown operator reached the claimed_by foreign key and answered 500.
  it('refuses to complete an open task for an operator who does not exist, and leaves it open', async () => {
    const { taskId } = await task('ghost-operator');
    const ghost = randomUUID();
    const refused = await post(`/v1/call-tasks/${taskId}/complete`, {
      outcome: 'reached',
      operatorId: ghost,
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({
      code: 'not_found',
      message: `body.operatorId: no user "${ghost}"`,
    });
    const listed = await fixture.app.inject({ method: 'GET', url: '/v1/call-tasks', headers: ADMIN });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(taskId);
  });
});
