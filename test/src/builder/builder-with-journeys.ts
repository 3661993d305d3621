import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createEventRouter } from '@touchpoint/engine/router/index';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startJourneyWorker } from '../harness/start-journey-worker';
import { startBuilderServer, type BuilderServer } from './builder-server';
import { launchChromium } from './chromium';

/** The builder on the real API, with a router and a journey worker on the dev server: clients really run. */
export interface BuilderWithJourneys {
  server: BuilderServer;
  close: () => Promise<void>;
}

/**
 * For stories whose clients must be inside a journey: events go through POST /v1/events and the
 * router, and a worker on a task queue of the story's own runs them, so stories never share runs.
 */
export async function startBuilderWithJourneys(story: string): Promise<BuilderWithJourneys> {
  const taskQueue = `${story}-${randomUUID()}`;
  const connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  const temporal = new Client({ connection });
  const server = await startBuilderServer({
    app: (db) => ({
      temporal,
      router: createEventRouter({ db, temporal, taskQueue }),
      config: { journeyTaskQueue: taskQueue },
    }),
  });
  const worker = await startJourneyWorker({ db: server.db, taskQueue });
  return {
    server,
    close: async () => {
      await worker.stop();
      await server.close();
      await connection.close();
    },
  };
}

/**
 * Starts {@link startBuilderWithJourneys} for `story` and Chromium once for the test file, and stops
 * both after it. `ready` receives them before the first test; a promise it returns (seeding rows) is awaited.
 */
export function useBuilderWithJourneys(
  story: string,
  ready: (world: { server: BuilderServer; browser: Browser }) => unknown,
) {
  let product: BuilderWithJourneys | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    product = await startBuilderWithJourneys(story);
    browser = await launchChromium();
    await ready({ server: product.server, browser });
  });

  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
}
