import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { openDatabase, templates } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { createTestDatabase } from '../harness/database';
import { repoRoot } from '../harness/paths';

/** The real API on a fresh database, serving the freshly built builder from the same origin. */
export async function startBuilderServer(): Promise<{
  url: string;
  adminKey: string;
  close: () => Promise<void>;
}> {
  const builderDir = path.join(repoRoot, 'builder');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: builderDir, stdio: 'inherit' });
  const testDb = await createTestDatabase();
  const database = openDatabase(testDb.url);
  // The server checks templates against its catalog; the story's send uses this one.
  await database.db.insert(templates).values({
    key: 'win-back-email',
    channel: 'email',
    name: 'Win-back email',
    body: 'We miss you, {{ client.name }}',
  });
  const adminKey = 'builder-test-key';
  const app = await buildApp({ db: database.db, config: { adminKey } });
  await app.register(fastifyStatic, { root: path.join(builderDir, 'dist'), prefix: '/' });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    adminKey,
    close: async () => {
      await app.close();
      await database.close();
      await testDb.close();
    },
  };
}
