import { startReportRollupRefresher, type ReportRollupRefresher } from '../api/jobs/report-rollup-refresher';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { Client, Connection, type ClientPlugin } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities, SEND_TASK_QUEUES } from '@touchpoint/activities';
import type { DeliveryPolicy } from '@touchpoint/channels';
import type { SmsSandbox, SmtpSandbox } from '@touchpoint/channels/sandbox/types';
import { DEFAULT_DELIVERY_POLICY } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../api/build-app';
import type { TestSendAdapters } from '../api/routes/templates/send-test-message';
import type { ChannelKind } from '@touchpoint/language';
import { registerPublicPlugin } from '../api/plugins/route-scopes';
import { sandboxRoutes } from '../api/routes/sandbox';
import { createEventRouter, startRoutingSweeper, type EventRouter, type RoutingSweeper } from '../router';
import {
  createStartAudiencePage,
  createStartJourney,
  ensureSegmentSchedule,
  registerSearchAttributes,
} from '../temporal';
import { createChannelAdapters } from './channel-adapters';
import { readCurrentDeliveryPolicy } from './read-current-delivery-policy';
import { channelLimitsFrom } from './channel-limits';
import { channelProbes } from './channel-probes';
import type { AppConfig } from './config';
import { configuredChannels } from './configured-channels';
import { builderDistDir } from './paths';
import { startWorkers, type RunningWorkers } from './run-workers';
import { activityMetricsInterceptor } from '../observability/activity-metrics-interceptor';
import { registerDatabaseGauges } from '../observability/database-gauges';
import { instrumentAdapters } from '../observability/instrument-adapters';
import { instrumentRouter } from '../observability/instrument-router';
import { createTouchpointMetrics, type TouchpointMetrics } from '../observability/metrics';
import { NO_TRACING, type Tracing } from '../observability/tracing';
import { createSimulator, type Simulator } from '../simulation/simulator';

export interface StartProductOptions {
  config: AppConfig;
  db: Database;
  adminKey: string;
  trackingSecret: string;
  /** Run the API (and builder) in this process. */
  api: boolean;
  /** Run the workers in this process. */
  worker: boolean;
  /** Sandboxes whose received messages the API shows (`npm start` and tests). */
  sandbox?: { mailbox: SmtpSandbox; smsInbox: SmsSandbox };
  /**
   * An existing Temporal client and worker connection (tests pass the time-skipping server's);
   * otherwise both connect to `config.TEMPORAL_ADDRESS`.
   */
  temporal?: { connection: Connection; client: Client; nativeConnection: NativeConnection };
  /**
   * Caps, quiet hours and default time zone shared by every journey until delivery settings are
   * saved (they answer as version 1; default: DEFAULT_DELIVERY_POLICY).
   */
  deliveryPolicy?: DeliveryPolicy;
  /** The API's logger; by default pino on stdout at `config.LOG_LEVEL`. */
  logger?: FastifyServerOptions['logger'];
  /** Where this process counts (the entrypoints add process metrics); a fresh registry by default. */
  metrics?: TouchpointMetrics;
  /** Tracing of this process (`startTracing`); none by default. */
  tracing?: Tracing;
}

export interface RunningProduct {
  /** Base URL of the API when it runs here. */
  apiUrl: string | null;
  /** The channels this deployment sends on (`configuredChannels`), each checked by readiness. */
  channels: readonly ChannelKind[];
  metrics: TouchpointMetrics;
  app: FastifyInstance | null;
  temporal: Client;
  workers: RunningWorkers | null;
  stop(): Promise<void>;
}

/**
 * Wires the parts of Touchpoint together around one database and one Temporal cluster: the worker
 * (journey workflow + activities + a worker per channel queue) and the API with the router and the
 * built builder. Used by every entrypoint and by the end-to-end tests, so they run the same wiring.
 */
export async function startProduct(options: StartProductOptions): Promise<RunningProduct> {
  const { config, db } = options;
  const metrics = options.metrics ?? createTouchpointMetrics();
  const tracing = options.tracing ?? NO_TRACING;
  const plugins = tracing.temporalPlugin ? [tracing.temporalPlugin] : [];
  const connections = options.temporal ? null : await connectTemporal(config, plugins);
  // A traced product makes its own client over the given connection, so its calls carry the trace.
  const temporal =
    options.temporal && plugins.length > 0
      ? new Client({ connection: options.temporal.connection, namespace: config.TEMPORAL_NAMESPACE, plugins })
      : (options.temporal?.client ?? connections!.client);
  await registerSearchAttributes(
    options.temporal?.connection ?? connections!.connection,
    config.TEMPORAL_NAMESPACE,
  );

  let workers: RunningWorkers | null = null;
  // Built in an API-only process too, to tell publish which channels exist: adapters connect lazily.
  const adapters = instrumentAdapters(createChannelAdapters(config, options.trackingSecret), metrics);
  const channels = configuredChannels(adapters);
  const builtInPolicy = options.deliveryPolicy ?? DEFAULT_DELIVERY_POLICY;
  if (options.worker) {
    const nativeConnection = options.temporal?.nativeConnection ?? (await connections!.nativeConnection());
    const starterDeps = {
      db,
      client: temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      sendTaskQueues: SEND_TASK_QUEUES,
    };
    const activities = createActivities({
      db,
      startJourney: createStartJourney(starterDeps),
      startAudiencePage: createStartAudiencePage(starterDeps),
      adapters,
      policy: readCurrentDeliveryPolicy(db, builtInPolicy),
      tracking: { baseUrl: config.PUBLIC_URL, secret: options.trackingSecret },
    });
    workers = await startWorkers({
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      activities,
      interceptors: [activityMetricsInterceptor(metrics)],
      plugins,
      channelLimits: channelLimitsFrom(config),
      sizing: {
        workflowTaskSlots: config.WORKER_WORKFLOW_TASK_SLOTS,
        localActivitySlots: config.WORKER_LOCAL_ACTIVITY_SLOTS,
        memoryBudgetMb: config.WORKER_MEMORY_BUDGET_MB,
      },
    });
  }

  let app: FastifyInstance | null = null;
  let apiUrl: string | null = null;
  let sweeper: RoutingSweeper | null = null;
  let rollups: ReportRollupRefresher | null = null;
  let simulator: Simulator | null = null;
  if (options.api) {
    // Test paths run the same activities with this deployment's policy and channels, all captured.
    simulator = createSimulator(db, {
      policy: options.deliveryPolicy ?? DEFAULT_DELIVERY_POLICY,
      channels,
      tracking: { baseUrl: config.PUBLIC_URL, secret: options.trackingSecret },
    });
    const router = instrumentRouter(
      createEventRouter({
        db,
        temporal,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        sendTaskQueues: SEND_TASK_QUEUES,
      }),
      metrics,
    );
    registerDatabaseGauges(metrics, db);
    const testSendAdapters = { email: adapters.email, sms: adapters.sms };
    app = await buildProductApp(
      options,
      { temporal, router, channels, metrics, simulator },
      plugins.length > 0,
      testSendAdapters,
    );
    if (config.SEGMENT_RECOMPUTE_CRON !== 'off') {
      await ensureSegmentSchedule({
        client: temporal,
        cron: config.SEGMENT_RECOMPUTE_CRON,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
      });
    }
    apiUrl = await app.listen({ host: config.API_HOST, port: config.API_PORT });
    // Events stored while Temporal was unreachable, or by a process that died before routing them.
    sweeper = startRoutingSweeper({
      router,
      intervalMs: 5_000,
      onError: (error) => app?.log.warn({ err: error }, 'routing sweep failed; retrying'),
    });
    // Report rollups follow stored facts within about a second (docs/metrics.md, "Rollups").
    rollups = startReportRollupRefresher({
      db,
      intervalMs: 1_000,
      onError: (error) => app?.log.warn({ err: error }, 'rollup refresh failed; retrying'),
    });
  }

  return {
    apiUrl,
    channels,
    metrics,
    app,
    temporal,
    workers,
    async stop() {
      await sweeper?.stop();
      await rollups?.stop();
      await app?.close();
      await simulator?.close();
      await workers?.shutdown();
      // Pooled SMTP connections would otherwise hold the mail server open.
      await Promise.all(Object.values(adapters).map((adapter) => adapter?.close()));
      await connections?.close();
    },
  };
}

/** Connects to the configured cluster: a client now, the worker's native connection on demand. */
async function connectTemporal(config: AppConfig, plugins: ClientPlugin[]) {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  let native: NativeConnection | null = null;
  return {
    connection,
    client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, plugins }),
    async nativeConnection() {
      native = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
      return native;
    },
    async close() {
      await native?.close();
      await connection.close();
    },
  };
}

function registerSandbox(sandbox: NonNullable<StartProductOptions['sandbox']>) {
  return async (app: FastifyInstance) => void (await app.register(sandboxRoutes, sandbox));
}

/** What the API shares with the rest of the process. */
interface ProductParts {
  temporal: Client;
  router: EventRouter;
  channels: readonly ChannelKind[];
  metrics: TouchpointMetrics;
  simulator: Simulator;
}

async function buildProductApp(
  options: StartProductOptions,
  { temporal, router, channels, metrics, simulator }: ProductParts,
  isTraced: boolean,
  testSendAdapters: TestSendAdapters,
): Promise<FastifyInstance> {
  const { config, db } = options;
  const app = await buildApp({
    db,
    temporal,
    router,
    config: {
      adminKey: options.adminKey,
      deliveryPolicy: options.deliveryPolicy ?? DEFAULT_DELIVERY_POLICY,
      temporalUiUrl: config.TEMPORAL_UI_URL,
      trackingSecret: options.trackingSecret,
      trackingLinkDays: config.TRACKING_LINK_DAYS,
      publicUrl: config.PUBLIC_URL,
      journeyTaskQueue: config.TEMPORAL_TASK_QUEUE,
      sendTaskQueues: SEND_TASK_QUEUES,
      channels,
      ...(config.TWILIO_AUTH_TOKEN ? { twilioAuthToken: config.TWILIO_AUTH_TOKEN } : {}),
      ...(config.SMSRU_RECEIPT_SECRET ? { smsRuReceiptSecret: config.SMSRU_RECEIPT_SECRET } : {}),
    },
    logger: options.logger ?? { level: config.LOG_LEVEL },
    metrics,
    isTraced,
    simulator,
    channelProbes: channelProbes(config, channels),
    testSendAdapters,
    ...(options.sandbox ? { moreRoutes: registerSandbox(options.sandbox) } : {}),
  });
  // The builder uses hash routes, so its index.html and assets are all there is to serve.
  if (existsSync(builderDistDir)) await registerPublicPlugin(app, fastifyStatic, { root: builderDistDir });
  return app;
}
