import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The SDK's logger on pino: workflow and activity log lines arrive with the SDK's metadata
 * (`workflowId`, `runId`, `activityType`, `taskQueue`, …), so every line of a journey's run can be
 * found by its workflow id.
 */
export function pinoSdkLogger(logger: PinoLogger): Logger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) =>
    logger[PINO_LEVEL[level]](meta ?? {}, message);
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}

/**
 * Installs the worker process's SDK runtime: logs through pino and the core's own metrics (workflow
 * task latency, sticky cache, task slots, poll results) served by the runtime's Prometheus exporter
 * on `sdkMetricsAddress`, which the worker's `/metrics` appends to Touchpoint's. Must run before the
 * first connection to Temporal is made.
 */
export function installWorkerRuntime(options: { logger: PinoLogger; sdkMetricsAddress: string }): void {
  Runtime.install({
    logger: pinoSdkLogger(options.logger),
    telemetryOptions: { metrics: { prometheus: { bindAddress: options.sdkMetricsAddress } } },
  });
}
