import { randomUUID } from 'node:crypto';
import { createCallTask } from '@touchpoint/domain';
import { callTasks, clients, users } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createApiFixture, type ApiFixture } from './api-fixture';

type Task = {
  id: string;
  status: string;
  priority: number;
  dueAt: string;
  slaDueAt: string;
  claimedBy: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  completedAt: string | null;
  journeyId: string | null;
  client: { id: string; name: string | null };
  payload: Record<string, unknown>;
};
type QueuePage = { items: Task[]; total: number; counts: Record<string, number> };

const MINUTE = 60_000;
const JOURNEY_A = randomUUID();
const JOURNEY_B = randomUUID();

describe('the call queue over HTTP', () => {
  let fixture: ApiFixture;
  let base: string;
  let operators: string[];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...ADMIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const queue = async (query: string) => (await call('GET', `/v1/call-tasks?${query}`)).body as QueuePage;

  beforeAll(async () => {
    fixture = await createApiFixture();
    base = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
    const { db } = fixture.database;
    const people = await db
      .insert(clients)
      .values([
        { externalId: 'q-olga', phone: '+79160000001', attributes: { name: 'Ольга Смирнова' } },
        { externalId: 'q-ivan', phone: '+79160000002', attributes: { name: 'Ivan Orlov' } },
        { externalId: 'q-nina', phone: '+79160000003', attributes: { name: 'Nina Kask' } },
      ])
      .returning();
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          email: `op${i}@example.com`,
          name: `Op ${i}`,
          role: 'operator' as const,
        })),
      )
      .returning();
    operators = rows.map((row) => row.id);
    // 30 tasks: priorities and SLAs spread so the two orders differ; journey A for the even ones.
    const now = Date.now();
    for (let i = 0; i < 30; i += 1) {
      await createCallTask(db, {
        idempotencyKey: `queue-${i}`,
        clientId: people[i % 3]!.id,
        nodeId: 'call',
        journeyId: i % 2 === 0 ? JOURNEY_A : JOURNEY_B,
        journeyVersion: 1,
        priority: (i * 37) % 100,
        dueAt: new Date(now + ((i * 13) % 30) * MINUTE).toISOString(),
        slaMinutes: 5 + ((i * 7) % 50),
      });
    }
  });
  afterAll(async () => fixture.close());

  it('pages through the whole queue without losing or repeating a task, with its total and counts', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 30; offset += 7) {
      const page = await queue(`limit=7&offset=${offset}`);
      expect(page.total).toBe(30);
      seen.push(...page.items.map((task) => task.id));
    }
    expect(new Set(seen).size).toBe(30);
    const rows = await fixture.database.db.select().from(callTasks);
    expect(new Set(seen)).toEqual(new Set(rows.map((row) => row.id)));
    const { counts } = await queue('limit=1');
    expect(counts).toMatchObject({ open: 30, claimed: 0, completed: 0, cancelled: 0 });
  });

  it('orders by priority, or by the nearest SLA deadline', async () => {
    const byPriority = (await queue('limit=30')).items;
    const priorities = byPriority.map((task) => task.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const bySla = (await queue('limit=30&sort=sla')).items.map((task) => Date.parse(task.slaDueAt));
    expect(bySla).toEqual([...bySla].sort((a, b) => a - b));
    expect(bySla).not.toEqual(byPriority.map((task) => Date.parse(task.slaDueAt)));
    expect((await call('GET', '/v1/call-tasks?sort=oldest')).body).toMatchObject({
      issues: [{ path: 'querystring.sort' }],
    });
  });

  it("searches by the client's name, phone or id and filters by journey", async () => {
    const olga = await queue('q=смирн&limit=50');
    expect(olga.total).toBe(10);
    expect(new Set(olga.items.map((task) => task.client.name))).toEqual(new Set(['Ольга Смирнова']));
    expect((await queue('q=0000002&limit=50')).items.every((task) => task.client.id === 'q-ivan')).toBe(true);
    const a = await queue(`journeyId=${JOURNEY_A}&limit=50`);
    expect(a.total).toBe(15);
    expect(a.items.every((task) => task.journeyId === JOURNEY_A)).toBe(true);
    const both = await queue(`journeyId=${JOURNEY_A}&q=q-nina&limit=50`);
    // Tasks 2, 8, 14, 20, 26 are Nina's (i % 3 = 2) in journey A (even i).
    expect(both.total).toBe(5);
  });

  it('lets exactly one of six operators racing for a task claim it, and only the holder release it', async () => {
    const [target] = (await queue('limit=1')).items;
    const claims = await Promise.all(
      operators.map((operatorId) => call('POST', `/v1/call-tasks/${target!.id}/claim`, { operatorId })),
    );
    const winners = claims.filter((claim) => claim.status === 200);
    expect(winners).toHaveLength(1);
    expect(claims.filter((claim) => claim.status === 409)).toHaveLength(5);
    const holder = winners[0]!.body['claimedBy'] as string;
    const other = operators.find((id) => id !== holder)!;
    const stolen = await call('POST', `/v1/call-tasks/${target!.id}/release`, { operatorId: other });
    expect(stolen.status).toBe(409);
    const otherCompletes = await call('POST', `/v1/call-tasks/${target!.id}/complete`, {
      outcome: 'reached',
      operatorId: other,
    });
    expect(otherCompletes.status).toBe(409);
    expect((await queue('status=claimed')).items.map((task) => task.id)).toEqual([target!.id]);
    const released = await call('POST', `/v1/call-tasks/${target!.id}/release`, { operatorId: holder });
    expect(released).toMatchObject({ status: 200, body: { status: 'open', claimedBy: null } });
    // Released, it is anyone's again: the next race has a winner too.
    const again = await Promise.all(
      operators.map((operatorId) => call('POST', `/v1/call-tasks/${target!.id}/claim`, { operatorId })),
    );
    expect(again.filter((claim) => claim.status === 200)).toHaveLength(1);
  });

  it('queues the next call at the callback time and records the outcome at the time it was recorded', async () => {
    const [target] = (await queue(`journeyId=${JOURNEY_B}&limit=1`)).items;
    const callbackAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const before = Date.now();
    const done = await call('POST', `/v1/call-tasks/${target!.id}/complete`, {
      outcome: 'callBack',
      note: 'Перезвонить вечером',
      callbackAt,
    });
    expect(done.status).toBe(200);
    const { task, callback } = done.body as { task: Task; callback: { taskId: string; dueAt: string } };
    expect(task).toMatchObject({
      status: 'completed',
      outcome: 'callBack',
      outcomeNote: 'Перезвонить вечером',
    });
    expect(Date.parse(task.completedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(callback.dueAt).toBe(callbackAt);
    const repeat = await call('POST', `/v1/call-tasks/${target!.id}/complete`, {
      outcome: 'callBack',
      callbackAt,
    });
    expect((repeat.body as { callback: { taskId: string } }).callback.taskId).toBe(callback.taskId);
    const next = (await queue(`journeyId=${JOURNEY_B}&limit=50`)).items.find(
      (item) => item.id === callback.taskId,
    );
    expect(next).toMatchObject({
      status: 'open',
      dueAt: callbackAt,
      priority: target!.priority,
      payload: { callbackOf: target!.id, previousNote: 'Перезвонить вечером' },
    });
    // The SLA window keeps its length from the new due time.
    expect(Date.parse(next!.slaDueAt) - Date.parse(next!.dueAt)).toBe(
      Date.parse(target!.slaDueAt) - Date.parse(target!.dueAt),
    );
    const completed = await queue('status=completed&outcome=callBack');
    expect(completed.items.map((item) => item.id)).toEqual([target!.id]);
    expect(completed.counts).toMatchObject({ completed: 1 });
  });

  it('refuses a callback time with another outcome, naming the field', async () => {
    const [target] = (await queue('limit=1&sort=sla')).items;
    const refused = await call('POST', `/v1/call-tasks/${target!.id}/complete`, {
      outcome: 'reached',
      callbackAt: new Date().toISOString(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ issues: [{ path: 'body.callbackAt' }] });
  });
});
