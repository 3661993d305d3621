import { Client, Connection } from '@temporalio/client';
import { openDatabase, type OpenDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { journeyScheduleId } from '@touchpoint/engine/temporal/index';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// A journey that enters on a schedule owns one Temporal Schedule, kept in step with the journey's
// lifecycle by the API (on the harness's real dev server).
const ADMIN = 'tp_admin_schedule-sync-test-key';
const SCHEDULED_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'entry',
      kind: 'entry',
      config: { trigger: { kind: 'schedule', cron: '0 9 * * 1', segment: 'rfmCell:R1F3M3' } },
    },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
  settings: {},
  layout: {},
};

describe('schedule entry', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let connection: Connection;
  let temporal: Client;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '' });
    temporal = new Client({ connection });
    app = await buildApp({ db: database.db, temporal, config: { adminKey: ADMIN } });
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await database?.close();
    await testDb?.close();
  });

  async function post(url: string, payload: object = {}) {
    const response = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ id: string }>();
  }

  it('creates the schedule on publish, pauses it with the journey, deletes it on archive', async () => {
    const { id } = await post('/v1/journeys', {
      name: 'Weekly R1F3M3 win-back',
      definition: SCHEDULED_JOURNEY,
    });
    await post(`/v1/journeys/${id}/publish`);
    const handle = temporal.schedule.getHandle(journeyScheduleId(id));
    const created = await handle.describe();
    // The cron '0 9 * * 1' as Temporal stores it: Mondays at 09:00 in the journey's time zone.
    expect(created.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 9, end: 9 }],
      dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY' }],
    });
    expect(created.state.paused).toBe(false);

    await post(`/v1/journeys/${id}/pause`);
    expect((await handle.describe()).state.paused).toBe(true);
    await post(`/v1/journeys/${id}/resume`);
    expect((await handle.describe()).state.paused).toBe(false);

    await post(`/v1/journeys/${id}/archive`);
    await expect(handle.describe()).rejects.toThrow(/not found/i);
  });
});
