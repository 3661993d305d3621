import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { findFreePort, waitForPort } from '@touchpoint/engine/main/ports';
import { toolsDir } from './paths';
import { spawnTethered } from '@touchpoint/engine/main/tethered-process';

export interface PostgresCluster {
  /** URL of the `postgres` maintenance database, for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL cluster on a free loopback port with durability switched off (it
 * lives for one test run). PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binDir = readPgBinDir();
  const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchpoint-pg-'));
  if (asUser) {
    const uid = Number(execFileSync('id', ['-u', asUser]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', asUser]).toString().trim());
    chownSync(dataDir, uid, gid);
  }
  const runAs = (cmd: string, args: string[]) =>
    execFileSync(asUser ? 'runuser' : cmd, asUser ? ['-u', asUser, '--', cmd, ...args] : args, {
      stdio: 'pipe',
    });
  runAs(path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);

  const port = await findFreePort();
  const server = spawnTethered(
    path.join(binDir, 'postgres'),
    [
      ...['-D', dataDir, '-p', String(port), '-k', dataDir],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
      ...['-c', 'full_page_writes=off', '-c', 'max_connections=300', '-c', 'shared_buffers=256MB'],
    ],
    { name: 'postgres', user: asUser, stopSignal: 'SIGINT' },
  );
  await waitForPort(port, 30_000, 'PostgreSQL');
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  await waitUntilAcceptingQueries(urlFor('postgres'));
  return {
    adminUrl: urlFor('postgres'),
    port,
    urlFor,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The port opens before recovery ends ("the database system is starting up"): wait for a real query. */
async function waitUntilAcceptingQueries(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not accept queries within 30 s: ${String(error)}`, { cause: error });
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function readPgBinDir(): string {
  try {
    return readFileSync(path.join(toolsDir, 'pg-bindir'), 'utf8').trim();
  } catch {
    throw new Error('PostgreSQL is not installed for tests: run `bash scripts/install-tools.sh postgres`');
  }
}
