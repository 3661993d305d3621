import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '@touchpoint/activities';
import { DeliveryPolicy } from '@touchpoint/channels';
import { startSmsSandbox, startSmtpSandbox } from '@touchpoint/channels/sandbox';
import type { SmsSandbox, SmtpSandbox } from '@touchpoint/channels/sandbox';
import { clientFacts, migrateDatabase, offers, openDatabase, openPgliteDatabase } from '@touchpoint/db';
import type { Database } from '@touchpoint/db';
import type { JourneyDefinition } from '@touchpoint/language';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import type { EnrollClientInput } from '@touchpoint/engine/temporal/enroll-client';
import { createStartAudiencePage } from '@touchpoint/engine/temporal/start-audience-page';
import { createStartJourney } from '@touchpoint/engine/temporal/start-journey';
import type { StartJourney } from '@touchpoint/engine/temporal/start-journey';
import { createJourneyWorker } from '@touchpoint/engine/worker/create-worker';
import type { z } from 'zod';
import { createSandboxAdapters, seedClient, seedTemplates, TRACKING } from '../channels/send-fixtures';
import { createTestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';
import { createTimeSkippingEnvironment } from '../harness/time-skipping';

export const DAY_MS = 86_400_000;

/**
 * Everything a journey workflow test needs, all real: a fresh Postgres database, loopback SMTP and
 * SMS servers, Temporal's time-skipping server and a journey worker running the real activities
 * (bookkeeping and the channels helper's `sendMessage`) on one task queue.
 */
export interface EngineFixture {
  db: Database;
  env: TestWorkflowEnvironment;
  client: Client;
  taskQueue: string;
  smtp: SmtpSandbox;
  sms: SmsSandbox;
  /** Inserts an active journey with `definition` published as version 1; returns its id. */
  createJourney(definition: z.input<typeof JourneyDefinition>): Promise<string>;
  /** Inserts a client with email, phone and consent; `expectedNextPurchaseAt` seeds its smart-trigger fact. */
  createClient(options?: {
    expectedNextPurchaseAt?: Date;
    attributes?: Record<string, unknown>;
  }): Promise<string>;
  enroll(
    journeyId: string,
    clientId: string,
    definition: unknown,
    extra?: Partial<EnrollClientInput>,
  ): ReturnType<typeof enrollClient>;
  /** The worker's `startJourney` dependency (also callable directly). */
  startJourney: StartJourney;
  /** Test server time (epoch ms). */
  now(): Promise<number>;
  close(): Promise<void>;
}

/** Which Temporal server a fixture runs on. */
export type EngineServer = 'timeSkipping' | 'dev';

/**
 * The time-skipping server lets a test jump months; the harness's dev server (the real server, shared
 * by the run) is for behaviour the time-skipping server does not reproduce, such as the real server
 * rejecting signals while a run is closing.
 */
async function createEnvironment(server: EngineServer): Promise<TestWorkflowEnvironment> {
  if (server === 'timeSkipping') return createTimeSkippingEnvironment();
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is unset: run tests through vitest (global setup)');
  return TestWorkflowEnvironment.createFromExistingServer({ address });
}

/**
 * The harness's Postgres (a fresh clone per fixture) inside vitest; PGlite in memory for scripts run
 * alone (the history recorder), which have no harness.
 */
async function openFixtureDatabase(
  kind: 'harness' | 'pglite',
): Promise<{ db: Database; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const opened = await openPgliteDatabase('memory://');
    await migrateDatabase(opened.db);
    return opened;
  }
  const database = await createTestDatabase();
  const opened = openDatabase(database.url);
  return {
    db: opened.db,
    async close() {
      await opened.close();
      await database.close();
    },
  };
}

export interface EngineFixtureOptions {
  server?: EngineServer;
  database?: 'harness' | 'pglite';
}

export async function startEngineFixture(options: EngineFixtureOptions = {}): Promise<EngineFixture> {
  const { db, close: closeDb } = await openFixtureDatabase(options.database ?? 'harness');
  const [smtp, sms, env] = await Promise.all([
    startSmtpSandbox(),
    startSmsSandbox(),
    createEnvironment(options.server ?? 'timeSkipping'),
  ]);
  await seedTemplates(db, 'remind');
  for (const key of ['stimulate', 'sms-offer', 'call-script', 'winback']) await seedTemplates(db, key);
  // Sends load the offer they name (publishing checks it exists): the journeys here name these.
  await db
    .insert(offers)
    .values(
      ['d', 'discount'].map((key) => ({ key, name: 'Discount', kind: 'percentDiscount' as const, value: 5 })),
    );
  const taskQueue = `engine-${randomUUID()}`;
  const starterDeps = { db, client: env.client, taskQueue, useSearchAttributes: false };
  const startJourney = createStartJourney(starterDeps);
  const activities = createActivities({
    db,
    startJourney,
    startAudiencePage: createStartAudiencePage(starterDeps),
    adapters: createSandboxAdapters(smtp, sms),
    policy: DeliveryPolicy.parse({}),
    tracking: TRACKING,
  });
  const worker: Worker = await createJourneyWorker({
    connection: env.nativeConnection,
    taskQueue,
    activities,
  });
  const running = worker.run();
  return {
    db,
    env,
    client: env.client,
    taskQueue,
    smtp,
    sms,
    createJourney: (definition) => insertPublishedJourney(db, definition),
    async createClient(options = {}) {
      const client = await seedClient(db, { attributes: options.attributes ?? {} });
      if (options.expectedNextPurchaseAt) {
        await db
          .insert(clientFacts)
          .values({ clientId: client.id, expectedNextPurchaseAt: options.expectedNextPurchaseAt });
      }
      return client.id;
    },
    enroll(journeyId, clientId, definition, extra = {}) {
      return enrollClient(env.client, {
        journeyId,
        journeyVersion: 1,
        clientId,
        definition,
        reentry: 'once',
        source: 'manual',
        taskQueue,
        useSearchAttributes: false,
        ...extra,
      });
    },
    startJourney,
    now: () => env.currentTimeMs(),
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
      await Promise.all([smtp.stop(), sms.stop()]);
      await closeDb();
    },
  };
}
