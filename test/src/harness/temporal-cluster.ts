import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { temporalCliPath } from '@touchpoint/engine/main/paths';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { spawnTethered } from '@touchpoint/engine/main/tethered-process';
import { JOURNEY_SEARCH_ATTRIBUTES } from '@touchpoint/engine/main/temporal-dev-server';
import { repoRoot, toolsDir } from './paths';
import type { PostgresCluster } from './postgres-cluster';
import {
  renderTemporalServerConfig,
  TEMPORAL_DATABASES,
  type TemporalServerPorts,
} from './temporal-server-config';

const run = promisify(execFile);
const serverBinary = path.join(toolsDir, 'bin', 'temporal-server');
const sqlToolBinary = path.join(toolsDir, 'bin', 'temporal-sql-tool');

/** A production Temporal server (all four services in one process) on a PostgreSQL cluster. */
export interface TemporalCluster {
  address: string;
  /** The server's own Prometheus endpoint. */
  metricsUrl: string;
  /** Seconds each phase took: build (0 when cached), schemas, start, namespace. */
  timings: Record<'buildSeconds' | 'schemaSeconds' | 'startSeconds' | 'namespaceSeconds', number>;
  stop(): Promise<void>;
}

/**
 * Builds the server once if `.tools/bin` lacks it (scripts/install-tools.sh temporal-server: 8-10
 * minutes idle, 51 measured under load), creates its two databases and schemas with its own schema tool, starts it with
 * `shards` history shards and advanced visibility on PostgreSQL, and creates the `default` namespace
 * with the journeys' search attributes: what an operator does once per cluster.
 */
export async function startTemporalCluster(
  postgres: PostgresCluster,
  options: { shards?: number; prefix?: string } = {},
): Promise<TemporalCluster> {
  const timings = { buildSeconds: 0, schemaSeconds: 0, startSeconds: 0, namespaceSeconds: 0 };
  let started = Date.now();
  if (!existsSync(serverBinary) || !existsSync(sqlToolBinary)) {
    await run('bash', [path.join(repoRoot, 'scripts', 'install-tools.sh'), 'temporal-server'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    timings.buildSeconds = (Date.now() - started) / 1000;
  }
  const prefix = options.prefix ?? 'temporal';
  const databases = { default: `${prefix}`, visibility: `${prefix}_visibility` };
  started = Date.now();
  await createSchemas(postgres, databases);
  timings.schemaSeconds = (Date.now() - started) / 1000;

  const ports = await freePorts();
  const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-temporal-'));
  const configFile = path.join(dir, 'temporal.yaml');
  const dynamicConfigFile = path.join(dir, 'dynamic-config.yaml');
  writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG);
  writeFileSync(
    configFile,
    renderTemporalServerConfig({
      shards: options.shards ?? 4,
      postgres: { host: '127.0.0.1', port: postgres.port, user: 'postgres', password: '' },
      databases,
      ports,
      dynamicConfigFile,
    }),
  );
  started = Date.now();
  const server = spawnTethered(serverBinary, ['--config-file', configFile, '--allow-no-auth', 'start'], {
    name: `temporal-server-${prefix}`,
  });
  const address = `127.0.0.1:${ports.frontend}`;
  await waitUntilServing(address, server.logFile, server.child);
  timings.startSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  await createDefaultNamespace(address);
  timings.namespaceSeconds = (Date.now() - started) / 1000;
  return {
    address,
    metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
    timings,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Namespaces created at run time reach the frontend's cache on its refresh; a short interval makes
 * `default` usable within a second of its creation instead of ten.
 */
const DYNAMIC_CONFIG = `system.namespaceCacheRefreshInterval:
  - value: 1s
`;

async function createSchemas(postgres: PostgresCluster, databases: { default: string; visibility: string }) {
  const base = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(postgres.port), '-u', 'postgres'];
  for (const [kind, database] of Object.entries(databases) as ['default' | 'visibility', string][]) {
    const tool = (...args: string[]) => run(sqlToolBinary, [...base, '--db', database, ...args]);
    await tool('create-database');
    await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '--schema-name', TEMPORAL_DATABASES[kind]);
  }
}

/**
 * The server stores each member's membership port in a `smallint`: the kernel's ephemeral ports
 * (32768 and up) do not fit, so membership ports are picked, and checked free, below that.
 */
async function findFreeLowPort(): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 22_000);
    const isFree = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (isFree) return port;
  }
}

async function freePorts(): Promise<TemporalServerPorts> {
  const next = () => findFreePort();
  return {
    frontend: await next(),
    frontendHttp: await next(),
    frontendMembership: await findFreeLowPort(),
    history: await next(),
    historyMembership: await findFreeLowPort(),
    matching: await next(),
    matchingMembership: await findFreeLowPort(),
    worker: await next(),
    workerMembership: await findFreeLowPort(),
    metrics: await next(),
  };
}

/** The gRPC port opens before the frontend serves (after a restart especially): ask its health service. */
async function waitUntilServing(address: string, logFile: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Temporal server exited with ${child.exitCode} (log: ${logFile})`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        const health = await connection.healthService.check({
          service: 'temporal.api.workflowservice.v1.WorkflowService',
        });
        if (health.status === 1) return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
    }
    await sleep(250);
  }
  throw new Error(
    `Temporal server at ${address} not serving after 120 s (log: ${logFile}): ${String(lastError)}`,
  );
}

async function createDefaultNamespace(address: string): Promise<void> {
  const cli = (...args: string[]) => run(temporalCliPath, [...args, '--address', address]);
  await cli('operator', 'namespace', 'create', '--namespace', 'default', '--retention', '24h');
  for (const [name, type] of Object.entries(JOURNEY_SEARCH_ATTRIBUTES)) {
    await retry(() =>
      cli('operator', 'search-attribute', 'create', '--namespace', 'default', '--name', name, '--type', type),
    );
  }
}

/** Right after creation the namespace may not be in every service's cache yet. */
async function retry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 40) throw error;
      await sleep(500);
    }
  }
}
