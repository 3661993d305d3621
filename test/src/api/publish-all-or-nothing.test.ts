import { Client, Connection } from '@temporalio/client';
import { openDatabase, type OpenDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { journeyScheduleId } from '@touchpoint/engine/temporal/index';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// Publishing a schedule journey changes the version, the journey and its Temporal Schedule together,
// or none of them (issue 11, item 11), on the harness's real Temporal dev server.
const ADMIN = 'tp_admin_publish-atomic-test-key';
const headers = { authorization: `Bearer ${ADMIN}` };
const scheduled = (cron: string) => ({
  schemaVersion: 1,
  nodes: [
    {
      id: 'entry',
      kind: 'entry',
      config: { trigger: { kind: 'schedule', cron, segment: 'rfmCell:R1F3M3' } },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
  settings: {},
  layout: {},
});

let testDb: TestDatabase;
let database: OpenDatabase;
let connection: Connection;
let temporal: Client;
let app: FastifyInstance;
/** The same API, but its Temporal client names a namespace that does not exist: every schedule call fails. */
let brokenApp: FastifyInstance;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = openDatabase(testDb.url);
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '' });
  temporal = new Client({ connection });
  app = await buildApp({ db: database.db, temporal, config: { adminKey: ADMIN } });
  const broken = new Client({ connection, namespace: 'no-such-namespace' });
  brokenApp = await buildApp({ db: database.db, temporal: broken, config: { adminKey: ADMIN } });
});

afterAll(async () => {
  await app?.close();
  await brokenApp?.close();
  await connection?.close();
  await database?.close();
  await testDb?.close();
});

async function createJourney(cron: string): Promise<string> {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/journeys',
    headers,
    payload: { name: `cron ${cron}`, definition: scheduled(cron) },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

/** The journey's state as the API reports it, and whether Temporal has its schedule. */
async function observe(id: string) {
  const journey = (await app.inject({ method: 'GET', url: `/v1/journeys/${id}`, headers })).json();
  const versions = (await app.inject({ method: 'GET', url: `/v1/journeys/${id}/versions`, headers })).json();
  const hasSchedule = await temporal.schedule
    .getHandle(journeyScheduleId(id))
    .describe()
    .then(() => true)
    .catch(() => false);
  return {
    status: journey.status,
    currentVersion: journey.currentVersion,
    versions: versions.items.length,
    hasSchedule,
  };
}

describe('publishing a schedule journey', () => {
  it('refuses an invalid cron with a 422 on the entry node and changes nothing', async () => {
    const id = await createJourney('every monday');
    const publish = await app.inject({ method: 'POST', url: `/v1/journeys/${id}/publish`, headers });
    expect(publish.statusCode, publish.body).toBe(422);
    expect(publish.json().problems).toContainEqual(
      expect.objectContaining({ nodeId: 'entry', code: 'invalidCron' }),
    );
    expect(await observe(id)).toEqual({
      status: 'draft',
      currentVersion: null,
      versions: 0,
      hasSchedule: false,
    });
    const validate = await app.inject({ method: 'POST', url: `/v1/journeys/${id}/validate`, headers });
    expect(validate.json().problems.map((p: { code: string }) => p.code)).toContain('invalidCron');
  });

  it('rolls the version back when Temporal refuses the schedule', async () => {
    const id = await createJourney('0 9 * * 1');
    const publish = await brokenApp.inject({ method: 'POST', url: `/v1/journeys/${id}/publish`, headers });
    expect(publish.statusCode).toBeGreaterThanOrEqual(500);
    expect(await observe(id)).toEqual({
      status: 'draft',
      currentVersion: null,
      versions: 0,
      hasSchedule: false,
    });
    // The same draft publishes once Temporal accepts: nothing half-written was left in the way.
    const retry = await app.inject({ method: 'POST', url: `/v1/journeys/${id}/publish`, headers });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(await observe(id)).toEqual({
      status: 'active',
      currentVersion: 1,
      versions: 1,
      hasSchedule: true,
    });
  });
});
