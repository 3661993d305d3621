import { migrateDatabase, openDatabase } from '@touchpoint/db';
import pino from 'pino';
import { loadConfig } from './config';
import { dbConnectionsFor } from './db-pool';
import { startProduct } from './start-product';

/**
 * The production processes (docker-compose's `api` and `worker`): PostgreSQL and Temporal come from
 * the environment, secrets too. The API applies pending migrations before it listens.
 */
export async function runEntrypoint(role: 'api' | 'worker'): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start is the all-in-one)');
  if (!config.TOUCHPOINT_ADMIN_KEY || !config.TRACKING_SECRET) {
    throw new Error('TOUCHPOINT_ADMIN_KEY and TRACKING_SECRET are required');
  }
  const logger = pino({ name: `touchpoint-${role}`, level: config.LOG_LEVEL });
  const database = openDatabase(config.DATABASE_URL, {
    maxConnections: dbConnectionsFor({ api: role === 'api', worker: role === 'worker' }),
  });
  if (role === 'api') await migrateDatabase(database.db);
  const product = await startProduct({
    config,
    db: database.db,
    adminKey: config.TOUCHPOINT_ADMIN_KEY,
    trackingSecret: config.TRACKING_SECRET,
    api: role === 'api',
    worker: role === 'worker',
    logger: { name: `touchpoint-${role}`, level: config.LOG_LEVEL },
  });
  logger.info({ apiUrl: product.apiUrl }, `${role} started`);
  const stop = () => {
    logger.info(`${role} stopping`);
    void product
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
