import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '@touchpoint/activities';
import { DeliveryPolicy } from '@touchpoint/channels';
import type { Database } from '@touchpoint/db';
import { createJourneyWorker } from '@touchpoint/engine/worker/create-worker';
import { TRACKING } from '../channels/send-fixtures';

/** A journey worker running inside the test process; `stop()` shuts it down and waits for it. */
export interface RunningJourneyWorker {
  stop(): Promise<void>;
}

/**
 * Starts a journey worker in this process on the dev server (`TEMPORAL_ADDRESS`), polling `taskQueue`,
 * with no channel adapters: for tests whose journeys only wait, branch and exit. With `connection`
 * the worker polls on it and the caller closes it; without, it opens one of its own and closes it on
 * `stop()`.
 */
export async function startJourneyWorker(options: {
  db: Database;
  taskQueue: string;
  connection?: NativeConnection;
}): Promise<RunningJourneyWorker> {
  const ownsConnection = options.connection === undefined;
  const connection =
    options.connection ?? (await NativeConnection.connect({ address: process.env['TEMPORAL_ADDRESS']! }));
  const activities = createActivities({
    db: options.db,
    adapters: {},
    policy: DeliveryPolicy.parse({}),
    tracking: TRACKING,
  });
  const worker = await createJourneyWorker({ connection, taskQueue: options.taskQueue, activities });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      if (ownsConnection) await connection.close();
    },
  };
}
