import type { Client } from '@temporalio/client';
import type { ChannelKind } from '../language';
import type { Database } from '@touchpoint/db';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EventRouter } from '../router';
import { registerAuth } from './plugins/auth';
import { registerErrorHandler } from './plugins/error-handler';
import { registerSwagger } from './plugins/swagger';
import { callTaskRoutes } from './routes/call-tasks';
import { enrollmentRoutes } from './routes/enrollments';
import type { EnrollmentRoutesOptions } from './routes/enrollments';
import { journeyMigrationRoutes } from './routes/journey-migration';
import { receiptRoutes } from './routes/receipts';
import { trackingRoutes } from './routes/tracking';
import { clientRoutes } from './routes/clients';
import { clientSearchRoutes } from './routes/clients/search-clients';
import { clientTimelineRoutes } from './routes/clients/timeline-routes';
import { eventTypeRoutes } from './routes/event-types';
import { eventRoutes } from './routes/events';
import { journeyDiffRoutes } from './routes/journey-diff';
import { journeyStatsRoutes } from './routes/journey-stats';
import { journeyRoutes } from './routes/journeys';
import { offerRoutes } from './routes/offers';
import { productRoutes } from './routes/products';
import { purchaseRoutes } from './routes/purchases';
import { templateRoutes } from './routes/templates';

/** API settings (the process entrypoint reads them from the environment). */
export interface ApiConfig {
  /** Holds every scope; compare-only, never stored. */
  adminKey: string;
  /** Largest accepted batch of events or purchases per request. */
  maxBatchSize?: number;
  /** Largest accepted body in bytes. */
  bodyLimit?: number;
  /** Base URL of the Temporal UI, for links from the client timeline. */
  temporalUiUrl?: string;
  /** Secret the tracking tokens in sent mail are signed with; the `/t/*` routes answer 503 without it. */
  trackingSecret?: string;
  /** Days open and click links answer after the send (default 365); unsubscribe links never expire. */
  trackingLinkDays?: number;
  /** Twilio auth token: when set, `/v1/receipts/twilio` requires a valid `X-Twilio-Signature`. */
  twilioAuthToken?: string;
  /** The public base URL providers call (Twilio signs the full URL it posted to). */
  publicUrl?: string;
  /** Task queue of the journey workflows, for manual and CSV enrollment (default `journeys`). */
  journeyTaskQueue?: string;
  /** Per-channel send queues handed to the journeys this API enrolls. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
  /** How CSV enrollment jobs run (defaults: look for orphaned jobs every 5 s, 4 at once, 200 rows a chunk). */
  enrollmentJobs?: EnrollmentRoutesOptions['jobs'];
}

/** What the app runs on. Without `router`, events are stored and left for a later sweep. */
export interface BuildAppOptions {
  db: Database;
  temporal?: Client;
  router?: EventRouter;
  config: ApiConfig;
  logger?: FastifyServerOptions['logger'];
}

export const DEFAULT_MAX_BATCH_SIZE = 10_000;

/**
 * Builds the HTTP API without listening (tests use `app.inject()`). Order as in fastify/demo: compilers
 * and error handling first, then docs, auth, and the routes last so they see every hook.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.config.bodyLimit ?? 32 * 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerSwagger(app);
  registerAuth(app, { db: options.db, adminKey: options.config.adminKey });
  const maxBatchSize = options.config.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  const shared = { db: options.db, router: options.router ?? null, maxBatchSize };
  await app.register(eventRoutes, shared);
  await app.register(purchaseRoutes, shared);
  await app.register(clientRoutes, { db: options.db });
  await app.register(journeyRoutes, {
    db: options.db,
    temporal: options.temporal,
    taskQueue: options.config.journeyTaskQueue ?? 'journeys',
  });
  await app.register(productRoutes, { db: options.db });
  await app.register(offerRoutes, { db: options.db });
  await app.register(templateRoutes, { db: options.db });
  await app.register(eventTypeRoutes, { db: options.db });
  await app.register(journeyDiffRoutes, { db: options.db });
  await app.register(journeyStatsRoutes, { db: options.db });
  await app.register(clientSearchRoutes, { db: options.db });
  await app.register(clientTimelineRoutes, {
    db: options.db,
    temporalUi: {
      baseUrl: options.config.temporalUiUrl ?? null,
      namespace: options.temporal?.options.namespace ?? 'default',
    },
  });
  await app.register(callTaskRoutes, { db: options.db, temporal: options.temporal });
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
  });
  await app.register(journeyMigrationRoutes, { db: options.db, temporal: options.temporal });
  await app.register(enrollmentRoutes, {
    db: options.db,
    temporal: options.temporal,
    taskQueue: options.config.journeyTaskQueue ?? 'journeys',
    ...(options.config.sendTaskQueues ? { sendTaskQueues: options.config.sendTaskQueues } : {}),
    ...(options.config.enrollmentJobs ? { jobs: options.config.enrollmentJobs } : {}),
  });
  return app;
}
