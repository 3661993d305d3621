import type { Client } from '@temporalio/client';
import type { ChannelKind, DeliveryPolicy } from '@touchpoint/language';
import { DEFAULT_DELIVERY_POLICY } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EventRouter } from '../router';
import { MAX_BATCH_SIZE } from './input-bounds';
import { registerAuth } from './plugins/auth';
import { assertRouteScopes, requireRouteScopes } from './plugins/route-scopes';
import { registerErrorHandler } from './plugins/error-handler';
import { registerHealth, type ReadinessDeps } from './plugins/health';
import { registerMetrics } from './plugins/metrics';
import { registerTracing } from './plugins/tracing';
import { createTouchpointMetrics, type TouchpointMetrics } from '../observability/metrics';
import { registerInputLimits } from './plugins/input-limits';
import { DEFAULT_REQUEST_TIMEOUT_MS, serverLimits } from './plugins/server-limits';
import type { ServerTimeouts } from './plugins/server-limits';
import { registerSwagger } from './plugins/swagger';
import { callTaskRoutes } from './routes/call-tasks';
import { operatorRoutes } from './routes/operators';
import { enrollmentRoutes } from './routes/enrollments';
import type { EnrollmentRoutesOptions } from './routes/enrollments';
import { journeyMigrationRoutes } from './routes/journey-migration';
import { receiptRoutes } from './routes/receipts';
import { trackingRoutes } from './routes/tracking';
import { clientRoutes } from './routes/clients';
import { clientSearchRoutes } from './routes/clients/search-clients';
import { clientTimelineRoutes } from './routes/clients/timeline-routes';
import { checkpointSampleRoutes } from './routes/checkpoint-sample';
import { eventTypeRoutes } from './routes/event-types';
import { eventRoutes } from './routes/events';
import { journeyDiffRoutes } from './routes/journey-diff';
import { journeyStatsRoutes } from './routes/journey-stats';
import { journeyReportRoutes } from './routes/journey-report';
import { journeyUpliftRoutes } from './routes/journey-uplift';
import { funnelTaxonomyRoutes } from './routes/funnel-taxonomy';
import { globalControlRoutes } from './routes/global-control';
import { deliverySettingsRoutes } from './routes/delivery-settings';
import { auditEntryRoutes } from './routes/audit-entries';
import { audienceRunRoutes } from './routes/audience-runs';
import { journeyRoutes } from './routes/journeys';
import { journeyForecastRoutes } from './routes/journey-forecast';
import { journeyTestPathRoutes } from './routes/journey-test-path';
import type { Simulator } from '../simulation/simulator';
import { journeyFileRoutes } from './routes/journey-files';
import { journeyLifecycleRoutes } from './routes/journeys/lifecycle-routes';
import { offerRoutes } from './routes/offers';
import { productRoutes } from './routes/products';
import { purchaseRoutes } from './routes/purchases';
import { templateRoutes } from './routes/templates';
import { templateToolRoutes } from './routes/templates/template-tool-routes';
import type { TestSendAdapters } from './routes/templates/send-test-message';
import { segmentRoutes } from './routes/segments';
import { segmentationFigureRoutes } from './routes/segments/segmentation-figures-routes';
import { segmentationRoutes } from './routes/segments/segmentation-routes';

/** API settings (the process entrypoint reads them from the environment). */
export interface ApiConfig {
  /** Holds every scope; compare-only, never stored. */
  adminKey: string;
  /** Largest accepted batch of events or purchases per request. */
  maxBatchSize?: number;
  /** Largest accepted body in bytes on authenticated routes (public routes take `PUBLIC_BODY_LIMIT`). */
  bodyLimit?: number;
  /** Time limits for slow clients (defaults: 30 s per request, 60 s idle connection). */
  timeouts?: ServerTimeouts;
  /** Base URL of the Temporal UI, for links from the client timeline. */
  temporalUiUrl?: string;
  /** Secret the tracking tokens in sent mail are signed with; the `/t/*` routes answer 503 without it. */
  trackingSecret?: string;
  /** Days open and click links answer after the send (default 365); unsubscribe links never expire. */
  trackingLinkDays?: number;
  /** Twilio auth token: `/v1/receipts/twilio` accepts only callbacks signed with it (none without it). */
  twilioAuthToken?: string;
  /** Secret path segment of `/v1/receipts/smsru/:secret` (none accepted without it). */
  smsRuReceiptSecret?: string;
  /** The public base URL providers call (Twilio signs the full URL it posted to). */
  publicUrl?: string;
  /** Task queue of the journey workflows, for manual and CSV enrollment (default `journeys`). */
  journeyTaskQueue?: string;
  /**
   * The channels this deployment sends on (`configuredChannels`); publish refuses a send on any other.
   * Unset: channels are not checked.
   */
  channels?: readonly ChannelKind[];
  /** Per-channel send queues handed to the journeys this API enrolls. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** How CSV enrollment jobs run (defaults: look for orphaned jobs every 5 s, 4 at once, 200 rows a chunk). */
  enrollmentJobs?: EnrollmentRoutesOptions['jobs'];
  /** The delivery policy before any is saved (version 1), as the workers have it; DEFAULT_DELIVERY_POLICY if unset. */
  deliveryPolicy?: DeliveryPolicy;
}

/** What the app runs on. Without `router`, events are stored and left for a later sweep. */
export interface BuildAppOptions {
  db: Database;
  temporal?: Client;
  router?: EventRouter;
  config: ApiConfig;
  /** Fastify's logger (pino options); off when omitted. 5xx answers are logged at `error` with the request id. */
  logger?: FastifyServerOptions['logger'];
  /** Where `/metrics` counts (shared with the worker in an all-in-one process); a fresh registry by default. */
  metrics?: TouchpointMetrics;
  /** Makes one span per request (the process has called `startTracing` with an endpoint). */
  isTraced?: boolean;
  /** What readiness asks each configured channel (`channelProbes`); unset, no channel is checked. */
  channelProbes?: ReadinessDeps['channels'];
  /** Runs test paths (`POST /v1/journeys/:id/test-path`); without it that route answers 503. */
  simulator?: Simulator;
  /** The email and SMS adapters journeys send with, for test sends (503 for a channel without one). */
  testSendAdapters?: TestSendAdapters;
  /** Registers more routes (the demo's sandbox routes), checked for their scope like the rest. */
  moreRoutes?: (app: FastifyInstance) => Promise<void>;
}

export const DEFAULT_MAX_BATCH_SIZE = MAX_BATCH_SIZE;

/**
 * Builds the HTTP API without listening (tests use `app.inject()`). Order as in fastify/demo: compilers
 * and error handling first, then the scope check (so it sees every route, the docs' included), docs,
 * auth, and the routes last so they see every hook. Throws `MissingRouteScopeError` naming a route that
 * declares no `config.scope`.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...serverLimits(options.config.timeouts),
    logger: options.logger ?? false,
    bodyLimit: options.config.bodyLimit ?? 32 * 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // The id every log line of the request carries: a caller quoting it finds them all.
  app.addHook('onRequest', async (request, reply) => void reply.header('x-request-id', request.id));
  registerInputLimits(app, options.config.timeouts?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  requireRouteScopes(app);
  await registerSwagger(app);
  registerAuth(app, { db: options.db, adminKey: options.config.adminKey });
  if (options.isTraced) registerTracing(app);
  registerMetrics(app, options.metrics ?? createTouchpointMetrics());
  registerHealth(app, {
    db: options.db,
    ...(options.temporal ? { temporal: options.temporal } : {}),
    ...(options.channelProbes ? { channels: options.channelProbes } : {}),
  });
  const maxBatchSize = options.config.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  const shared = { db: options.db, router: options.router ?? null, maxBatchSize };
  await app.register(eventRoutes, shared);
  await app.register(purchaseRoutes, shared);
  await app.register(clientRoutes, { db: options.db });
  const journeyDeps = {
    db: options.db,
    temporal: options.temporal,
    taskQueue: options.config.journeyTaskQueue ?? 'journeys',
    channels: options.config.channels,
  };
  await app.register(journeyRoutes, journeyDeps);
  await app.register(journeyFileRoutes, { db: options.db });
  await app.register(journeyLifecycleRoutes, journeyDeps);
  await app.register(audienceRunRoutes, { db: options.db });
  await app.register(productRoutes, { db: options.db });
  await app.register(offerRoutes, { db: options.db });
  await app.register(templateRoutes, { db: options.db });
  await app.register(templateToolRoutes, { db: options.db, adapters: options.testSendAdapters ?? {} });
  await app.register(eventTypeRoutes, { db: options.db });
  await app.register(journeyDiffRoutes, { db: options.db });
  await app.register(journeyTestPathRoutes, {
    db: options.db,
    simulator: options.simulator ?? null,
    channels: options.config.channels,
  });
  await app.register(journeyForecastRoutes, {
    db: options.db,
    simulator: options.simulator ?? null,
    channels: options.config.channels,
  });
  await app.register(journeyStatsRoutes, { db: options.db });
  await app.register(journeyReportRoutes, { db: options.db });
  await app.register(journeyUpliftRoutes, { db: options.db });
  await app.register(funnelTaxonomyRoutes, { db: options.db });
  await app.register(globalControlRoutes, { db: options.db });
  await app.register(deliverySettingsRoutes, {
    db: options.db,
    builtIn: options.config.deliveryPolicy ?? DEFAULT_DELIVERY_POLICY,
  });
  await app.register(auditEntryRoutes, { db: options.db });
  await app.register(segmentRoutes, { db: options.db });
  await app.register(segmentationRoutes, { db: options.db, router: options.router ?? null });
  await app.register(segmentationFigureRoutes, { db: options.db });
  await app.register(clientSearchRoutes, { db: options.db });
  await app.register(checkpointSampleRoutes, { db: options.db });
  await app.register(clientTimelineRoutes, {
    db: options.db,
    temporalUi: {
      baseUrl: options.config.temporalUiUrl ?? null,
      namespace: options.temporal?.options.namespace ?? 'default',
    },
  });
  await app.register(callTaskRoutes, {
    db: options.db,
    temporal: options.temporal,
    router: options.router ?? null,
  });
  await app.register(operatorRoutes, { db: options.db });
  await app.register(trackingRoutes, {
    db: options.db,
    router: options.router ?? null,
    trackingSecret: options.config.trackingSecret,
    trackingLinkDays: options.config.trackingLinkDays,
  });
  await app.register(receiptRoutes, {
    db: options.db,
    twilioAuthToken: options.config.twilioAuthToken,
    publicUrl: options.config.publicUrl,
    smsRuReceiptSecret: options.config.smsRuReceiptSecret,
  });
  await app.register(journeyMigrationRoutes, { db: options.db, temporal: options.temporal });
  await app.register(enrollmentRoutes, {
    db: options.db,
    temporal: options.temporal,
    taskQueue: options.config.journeyTaskQueue ?? 'journeys',
    ...(options.config.sendTaskQueues ? { sendTaskQueues: options.config.sendTaskQueues } : {}),
    ...(options.config.enrollmentJobs ? { jobs: options.config.enrollmentJobs } : {}),
  });
  await options.moreRoutes?.(app);
  assertRouteScopes(app);
  return app;
}
