import type { Database } from '@touchpoint/db';
import type { Logger } from 'pino';
import { checkChannels, checkDatabase, checkTemporal } from '../api/plugins/health';
import type { TouchpointMetrics } from '../observability/metrics';
import { startWorkerHttpServer } from '../worker/worker-http-server';
import { watchTemporal } from '../worker/temporal-watchdog';
import { channelProbes } from './channel-probes';
import type { AppConfig } from './config';
import type { RunningProduct } from './start-product';

/**
 * What a worker process runs beside its workers: the operator port (metrics; health with database,
 * Temporal, the workers and every channel it sends on, details included) and the watchdog
 * that ends the process with status 1 when Temporal stays unreachable past
 * TEMPORAL_UNREACHABLE_EXIT_SECONDS, or when a worker fails for good.
 */
export async function operateWorker(options: {
  config: AppConfig;
  db: Database;
  product: RunningProduct;
  metrics: TouchpointMetrics;
  logger: Logger;
  sdkMetricsUrl: string;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const { config, product, logger } = options;
  // The worker is what sends: it is not ready while a channel it sends on cannot take a message.
  const probes = channelProbes(config, product.channels);
  const http = await startWorkerHttpServer({
    host: config.WORKER_HTTP_HOST,
    port: config.WORKER_HTTP_PORT,
    registry: options.metrics.registry,
    sdkMetricsUrl: options.sdkMetricsUrl,
    ready: async () => {
      const [database, temporal, channels] = await Promise.all([
        checkDatabase(options.db),
        checkTemporal(product.temporal),
        checkChannels(probes),
      ]);
      const isRunning = product.workers !== null;
      return {
        database,
        temporal,
        workers: { ok: isRunning, ...(isRunning ? {} : { detail: 'stopped' }) },
        ...channels,
      };
    },
  });
  const limitMs = config.TEMPORAL_UNREACHABLE_EXIT_SECONDS * 1000;
  const watchdog = watchTemporal({
    check: () => checkTemporal(product.temporal),
    limitMs,
    onFailure: (detail, unreachableMs) =>
      logger.warn(
        { detail, unreachableMs, limitMs },
        'Temporal unreachable; the worker exits past the limit',
      ),
    onLost: (detail) => {
      logger.fatal({ detail, limitMs }, 'Temporal unreachable for too long; exiting');
      process.exit(1);
    },
  });
  product.workers?.done.catch((error: unknown) => {
    logger.fatal({ err: error }, 'a worker failed; exiting');
    process.exit(1);
  });
  return {
    url: http.url,
    async stop() {
      watchdog.stop();
      await http.close();
    },
  };
}
