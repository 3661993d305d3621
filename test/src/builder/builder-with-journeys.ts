import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '@touchpoint/activities';
import { DeliveryPolicy } from '@touchpoint/channels';
import { createEventRouter } from '@touchpoint/engine/router/index';
import { createJourneyWorker } from '@touchpoint/engine/worker/create-worker';
import { TRACKING } from '../channels/send-fixtures';
import { startBuilderServer, type BuilderServer } from './builder-server';

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
  const native = await NativeConnection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
  const activities = createActivities({
    db: server.db,
    adapters: {},
    policy: DeliveryPolicy.parse({}),
    tracking: TRACKING,
  });
  const worker: Worker = await createJourneyWorker({ connection: native, taskQueue, activities });
  const running = worker.run();
  return {
    server,
    close: async () => {
      worker.shutdown();
      await running;
      await native.close();
      await server.close();
      await connection.close();
    },
  };
}
