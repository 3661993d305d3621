import { migrateDatabaseExclusively, openDatabase } from '@touchpoint/db';
import pino from 'pino';
import { createTouchpointMetrics } from '../observability/metrics';
import { startTracing } from '../observability/tracing';
import { installWorkerRuntime } from '../worker/worker-runtime';
import { channelLimitsFrom } from './channel-limits';
import { loadConfig } from './config';
import { dbConnectionsFor } from './db-pool';
import { operateWorker } from './operate-worker';
import { findFreePort } from './ports';
import { startProduct } from './start-product';

/**
 * The production processes (docker-compose's `api` and `worker`): PostgreSQL and Temporal come from
 * the environment, secrets too. The API applies pending migrations before it listens; the worker
 * serves metrics and health on its operator port and exits 1 when Temporal stays unreachable.
 */
export async function runEntrypoint(role: 'api' | 'worker'): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start is the all-in-one)');
  if (!config.TOUCHPOINT_ADMIN_KEY || !config.TRACKING_SECRET) {
    throw new Error('TOUCHPOINT_ADMIN_KEY and TRACKING_SECRET are required');
  }
  const name = `touchpoint-${role}`;
  const logger = pino({ name, level: config.LOG_LEVEL });
  const tracing = startTracing({ serviceName: name, endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  // The SDK runtime must be installed before the first connection; its exporter stays on loopback.
  const sdkMetricsAddress = `127.0.0.1:${await findFreePort()}`;
  if (role === 'worker') installWorkerRuntime({ logger, sdkMetricsAddress });
  const metrics = createTouchpointMetrics({ processMetrics: true });
  const database = openDatabase(config.DATABASE_URL, {
    maxConnections: dbConnectionsFor(
      { api: role === 'api', worker: role === 'worker' },
      channelLimitsFrom(config),
    ),
  });
  if (role === 'api') await migrateDatabaseExclusively(database.db);
  const product = await startProduct({
    config,
    db: database.db,
    adminKey: config.TOUCHPOINT_ADMIN_KEY,
    trackingSecret: config.TRACKING_SECRET,
    api: role === 'api',
    worker: role === 'worker',
    logger: { name, level: config.LOG_LEVEL },
    metrics,
    tracing,
  });
  const operations =
    role === 'worker'
      ? await operateWorker({
          config,
          db: database.db,
          product,
          metrics,
          logger,
          sdkMetricsUrl: `http://${sdkMetricsAddress}/metrics`,
        })
      : null;
  logger.info({ apiUrl: product.apiUrl, operatorUrl: operations?.url }, `${role} started`);
  const stop = () => {
    logger.info(`${role} stopping`);
    void (operations?.stop() ?? Promise.resolve())
      .then(() => product.stop())
      .then(() => database.close())
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
