// A real journey worker process (journey workflows, bookkeeping, audience entry) for tests and
// benchmarks that kill a worker: runs until killed. Configuration comes from the environment.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createJourneyActivities } from '@touchpoint/activities';
import { openDatabase } from '@touchpoint/db';
import { createStartAudiencePage } from '@touchpoint/engine/temporal/start-audience-page';
import { createStartJourney } from '@touchpoint/engine/temporal/start-journey';
import { createJourneyWorker } from '@touchpoint/engine/worker/create-worker';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`journey-worker-process: ${name} is not set`);
  return value;
}

async function runWorker(): Promise<void> {
  const { db } = openDatabase(env('DATABASE_URL'), { maxConnections: 20 });
  const address = env('TEMPORAL_ADDRESS');
  const taskQueue = env('JOURNEY_TASK_QUEUE');
  const client = new Client({ connection: await Connection.connect({ address }) });
  const starterDeps = { db, client, taskQueue, useSearchAttributes: false };
  const worker = await createJourneyWorker({
    connection: await NativeConnection.connect({ address }),
    taskQueue,
    activities: createJourneyActivities({
      db,
      startJourney: createStartJourney(starterDeps),
      startAudiencePage: createStartAudiencePage(starterDeps),
      // Optional: a crash test needs several pages without thousands of members.
      ...(process.env.AUDIENCE_PAGE_SIZE ? { audiencePageSize: Number(process.env.AUDIENCE_PAGE_SIZE) } : {}),
    }),
  });
  process.stdout.write('worker ready\n');
  await worker.run();
}

runWorker().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
