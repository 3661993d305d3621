import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { openDatabase, type OpenDatabase } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import { findFreePort, waitForPort } from '@touchpoint/engine/main/ports';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, withAdmin, type TestDatabase } from '../harness/database';
import { waitUntil } from '../harness/patience';
import { repoRoot } from '../harness/paths';

// Slow and oversized requests over real HTTP, and the API process's structured log (issue 11, items 9, 16).
let testDb: TestDatabase;
let database: OpenDatabase;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = openDatabase(testDb.url);
  app = await buildApp({
    db: database.db,
    config: { adminKey: 'limits-admin-key', timeouts: { requestTimeoutMs: 1_000 } },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await testDb?.close();
});

/** Whether `received` holds a whole HTTP response (headers and a body of its Content-Length). */
function isComplete(received: string): boolean {
  const end = received.indexOf('\r\n\r\n');
  const length = /content-length: (\d+)/i.exec(received)?.[1];
  return end >= 0 && length !== undefined && Buffer.byteLength(received.slice(end + 4)) >= Number(length);
}

/** Writes raw bytes on a fresh connection and resolves with the server's answer (or all it sent). */
function exchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (isComplete(received)) socket.destroy();
    });
    socket.on('close', () => resolve(received));
    socket.on('error', (error) => (received === '' ? reject(error) : resolve(received)));
    socket.write(request);
  });
}

const connectionCount = () =>
  new Promise<number>((resolve, reject) =>
    app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );

const jsonBodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

describe('slow and oversized requests', () => {
  it('answers a body that stops half-way with 408 in the error format', async () => {
    const response = await exchange(
      'POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer limits-admin-key\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"events":',
    );
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(jsonBodyOf(response)).toMatchObject({ code: 'request_timeout' });
  });

  it('stays up when it answers before reading a body and the body deadline passes', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      // A type the API does not parse is refused unread; 100 kB is more than the deadline's stream buffers.
      const response = await exchange(
        `POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer limits-admin-key\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(100_000)}`,
      );
      expect(response).toMatch(/^HTTP\/1\.1 415 /);
      await waitUntil(async () => (await connectionCount()) === 0, undefined, 'the client hung up');
      // Absence cannot be awaited: outlive the 1 s body deadline twice over, then look. The old
      // deadline fired into a stream nobody read any more and threw past every handler.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(uncaught).toEqual([]);
      const journeys = await fetch(`http://127.0.0.1:${port}/v1/journeys`, {
        headers: { authorization: 'Bearer limits-admin-key' },
      });
      expect(journeys.status).toBe(200);
    } finally {
      process.off('uncaughtException', record);
    }
  });

  it('answers headers over the limit with 431 in the error format', async () => {
    const response = await exchange(
      `GET /v1/journeys HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 431 /);
    expect(jsonBodyOf(response)).toMatchObject({ code: 'headers_too_large' });
  });
});

describe('the API process log', () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await withAdmin(process.env.TOUCHPOINT_PG_ADMIN_URL ?? '', (admin) =>
      admin.query(`ALTER DATABASE ${new URL(logDbUrl).pathname.slice(1)} ALLOW_CONNECTIONS true`),
    ).catch(() => undefined);
    await logDb?.close();
  });
  let logDb: TestDatabase | undefined;
  let logDbUrl = '';

  it('logs a 5xx as structured JSON with its request id and cause, at the configured level', async () => {
    logDb = await createTestDatabase();
    logDbUrl = logDb.url;
    const apiPort = await findFreePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'engine/src/main/api.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: logDb.url,
        API_PORT: String(apiPort),
        TOUCHPOINT_ADMIN_KEY: 'tp_admin_log-test-key-0123',
        TRACKING_SECRET: 'log-test-tracking-secret',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line)));
    await waitForPort(apiPort, 60_000, 'the API');
    // The database goes away under the running API: a fault no input can cause, so a real 5xx.
    const name = new URL(logDb.url).pathname.slice(1);
    await withAdmin(process.env.TOUCHPOINT_PG_ADMIN_URL ?? '', async (admin) => {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    });
    const response = await fetch(`http://127.0.0.1:${apiPort}/v1/journeys`, {
      headers: { authorization: 'Bearer tp_admin_log-test-key-0123' },
    });
    expect(response.status).toBeGreaterThanOrEqual(500);
    const { requestId } = (await response.json()) as { requestId: string };
    await waitUntil(
      async () => lines.some((line) => line['reqId'] === requestId && line['level'] === 50),
      10_000,
    );
    const logged = lines.find((line) => line['reqId'] === requestId && line['level'] === 50)!;
    expect(logged['err']).toMatchObject({ message: expect.any(String), stack: expect.any(String) });
    // LOG_LEVEL=warn: no per-request info lines.
    expect(lines.filter((line) => (line['level'] as number) < 40)).toEqual([]);
  });
});
