import { buildApp } from '@touchpoint/engine/api/build-app';
import type { JourneyDefinition } from '@touchpoint/language';
import { and, eq, isNull, nodeVisits } from '@touchpoint/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startEngineFixture } from '../engine/engine-fixture';
import type { EngineFixture } from '../engine/engine-fixture';
import { ADMIN } from './api-fixture';
import { PATIENCE_MS } from '../harness/patience';

function holdThenExit(waitId: string, days: number, reason: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      { id: waitId, kind: 'wait', config: { mode: 'duration', duration: { amount: days, unit: 'days' } } },
      { id: reason, kind: 'exit', config: { reason } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourcePort: 'out', target: waitId },
      { id: 'e2', source: waitId, sourcePort: 'out', target: reason },
    ],
  } satisfies z.input<typeof JourneyDefinition>;
}
const V1 = holdThenExit('hold', 5, 'old');
const V2 = holdThenExit('w2', 1, 'new');

let fixture: EngineFixture;
let app: FastifyInstance;
beforeAll(async () => {
  fixture = await startEngineFixture();
  app = await buildApp({ db: fixture.db, temporal: fixture.client, config: { adminKey: 'test-admin-key' } });
});
afterAll(async () => {
  await app.close();
  await fixture.close();
});

const send = (method: 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: ADMIN, ...(payload ? { payload } : {}) });

async function waitUntilWaiting(count: number) {
  for (let attempt = 0; attempt < PATIENCE_MS / 50; attempt += 1) {
    const open = await fixture.db
      .select()
      .from(nodeVisits)
      .where(and(eq(nodeVisits.nodeId, 'hold'), isNull(nodeVisits.leftAt)));
    if (open.length === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} clients reached "hold" within ${PATIENCE_MS / 1_000} s`);
}

describe('POST /v1/journeys/:id/migrate', () => {
  it('plans, refuses a bad node map, and moves waiting clients onto the new version', async () => {
    const journeyId: string = (await send('POST', '/v1/journeys', { name: 'hold', definition: V1 })).json()
      .id;
    expect((await send('POST', `/v1/journeys/${journeyId}/publish`)).statusCode).toBe(201);
    const handles = [];
    for (let i = 0; i < 2; i += 1) {
      handles.push(await fixture.enroll(journeyId, await fixture.createClient(), V1));
    }
    await waitUntilWaiting(2);
    await send('PUT', `/v1/journeys/${journeyId}`, { name: 'hold', definition: V2 });
    expect((await send('POST', `/v1/journeys/${journeyId}/publish`)).json().number).toBe(2);
    const url = `/v1/journeys/${journeyId}/migrate`;

    const dryRun = await send('POST', url, { fromVersion: 1, toVersion: 2, nodeMap: { hold: 'w2' } });
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({
      dryRun: true,
      nodes: [{ fromNodeId: 'hold', toNodeId: 'w2', waiting: 2 }],
      problems: [],
      moving: 2,
      signalled: 0,
    });

    const badMap = { fromVersion: 1, toVersion: 2, nodeMap: { entry: 'w2' }, dryRun: false };
    const refused = await send('POST', url, badMap);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems).toEqual([
      expect.objectContaining({ nodeId: 'entry', code: 'sourceNotWaiting' }),
    ]);
    const noVersion = await send('POST', url, { fromVersion: 1, toVersion: 9, nodeMap: {} });
    expect({ status: noVersion.statusCode, message: noVersion.json().message }).toEqual({
      status: 404,
      message: 'body.toVersion: the journey has no published version 9',
    });
    const same = await send('POST', url, { fromVersion: 2, toVersion: 2, nodeMap: {} });
    expect(same.statusCode).toBe(400);
    expect(same.json().issues[0]).toMatchObject({
      path: 'body.toVersion',
      message: 'must differ from fromVersion',
    });

    const moved = await send('POST', url, {
      fromVersion: 1,
      toVersion: 2,
      nodeMap: { hold: 'w2' },
      dryRun: false,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ dryRun: false, moving: 2, signalled: 2 });
    for (const handle of handles) expect(await handle.result()).toMatchObject({ reason: 'new' });
  });
});
