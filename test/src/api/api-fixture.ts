import { openDatabase } from '@touchpoint/db';
import type { Database, OpenDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import type { BuildAppOptions } from '@touchpoint/engine/api/build-app';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '../harness/database';
import type { TestDatabase } from '../harness/database';

export const ADMIN_KEY = 'test-admin-key';
export const ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };

/** The smallest event-entry journey: a `signup` event enrolls the client, who leaves at once. */
export const SIGNUP_JOURNEY = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: 'signup' } } } },
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
  ],
  edges: [{ id: 'e1', source: 'entry', sourcePort: 'out', target: 'done' }],
};

/** A fresh migrated database plus the app on it, for one test file. */
export interface ApiFixture {
  app: FastifyInstance;
  database: OpenDatabase;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/** `extra` may depend on the fixture's database (a router, for instance, routes from it). */
export async function createApiFixture(
  extra: Partial<BuildAppOptions> | ((db: Database) => Partial<BuildAppOptions>) = {},
): Promise<ApiFixture> {
  const testDatabase = await createTestDatabase();
  const database = openDatabase(testDatabase.url);
  const more = typeof extra === 'function' ? extra(database.db) : extra;
  const app = await buildApp({ db: database.db, config: { adminKey: ADMIN_KEY }, ...more });
  await app.ready();
  return {
    app,
    database,
    testDatabase,
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.close();
    },
  };
}
