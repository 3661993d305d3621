import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The migrated database every test database is cloned from (created by global-setup). */
export const TEMPLATE_DATABASE = 'touchpoint_template';
/** A migrated database for code that simply reads DATABASE_URL. */
export const SHARED_DATABASE = 'touchpoint';

export interface TestDatabase {
  url: string;
  /** Drops the database. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a copy of the template, so files never see each
 * other's rows and a migration runs once per suite, not once per file.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TOUCHPOINT_PG_ADMIN_URL;
  if (!adminUrl) throw new Error('TOUCHPOINT_PG_ADMIN_URL is unset: run tests through vitest (global setup)');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    close: () =>
      withAdmin(adminUrl, async (client) => {
        await waitForSessionsToLeave(client, name);
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/**
 * A pool's `end()` resolves before its sessions have left the server; dropping the database
 * `WITH (FORCE)` would then kill one mid-goodbye, an uncaught 57P01 in the test run. Waits up to 1 s.
 */
async function waitForSessionsToLeave(admin: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
