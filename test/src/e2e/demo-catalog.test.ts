import { JOURNEY_TEMPLATES } from '@touchpoint/builder';
import { offers, openDatabase, templates, type OpenDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { DEMO_JOURNEYS, DEMO_OFFERS, DEMO_TEMPLATES } from '@touchpoint/engine/main/demo-content';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';

// A newcomer's first act is to open a journey from the gallery and publish it: on the demo's catalog
// every gallery journey (and every demo journey) must publish as is, with no unknown template or offer.
const ADMIN = 'tp_admin_demo-catalog-test-key';

describe('the demo catalog', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url);
    await database.db.insert(templates).values(DEMO_TEMPLATES);
    await database.db.insert(offers).values(DEMO_OFFERS);
    app = await buildApp({ db: database.db, config: { adminKey: ADMIN } });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await testDb?.close();
  });

  const journeys = [
    ...JOURNEY_TEMPLATES.map((template) => ({ name: template.name.en, definition: template.definition })),
    ...DEMO_JOURNEYS,
  ];
  it.each(journeys)('publishes "$name" as is', async ({ name, definition }) => {
    const headers = { authorization: `Bearer ${ADMIN}` };
    const created = await app.inject({
      method: 'POST',
      url: '/v1/journeys',
      headers,
      payload: { name, definition },
    });
    expect(created.statusCode, created.body).toBe(201);
    const published = await app.inject({
      method: 'POST',
      url: `/v1/journeys/${created.json<{ id: string }>().id}/publish`,
      headers,
    });
    expect(published.statusCode, published.body).toBe(201);
  });
});
