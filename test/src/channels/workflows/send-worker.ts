// A real worker process for the crash test: runs the test workflow and the send activities until
// killed. Configuration comes from the environment the test passes in.
import { NativeConnection, Worker } from '@temporalio/worker';
import { createSendActivities } from '@touchpoint/activities/send/index';
import { createSmtpAdapter, DeliveryPolicy } from '@touchpoint/channels';
import { openDatabase } from '@touchpoint/db';
import { fileURLToPath } from 'node:url';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`send-worker: ${name} is not set`);
  return value;
}

async function runWorker(): Promise<void> {
  const { db } = openDatabase(env('DATABASE_URL'), { maxConnections: 20 });
  const email = createSmtpAdapter({
    host: '127.0.0.1',
    port: Number(env('SMTP_PORT')),
    ignoreTls: true,
    from: 'Touchpoint <news@touchpoint.test>',
    messageIdDomain: 'touchpoint.test',
    maxConnections: 10,
    apiUrl: env('SMTP_API_URL'),
  });
  const activities = createSendActivities({
    db,
    adapters: { email },
    policy: DeliveryPolicy.parse({}),
    tracking: { baseUrl: 'https://touchpoint.test', secret: 'test-secret' },
  });
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const common = { connection, namespace: 'default' };
  const workflows = await Worker.create({
    ...common,
    taskQueue: env('WORKFLOW_TASK_QUEUE'),
    workflowsPath: fileURLToPath(new URL('./send-workflow.ts', import.meta.url)),
  });
  const sends = await Worker.create({
    ...common,
    taskQueue: env('ACTIVITY_TASK_QUEUE'),
    activities,
    maxConcurrentActivityTaskExecutions: 50,
  });
  process.stdout.write('worker ready\n');
  await Promise.all([workflows.run(), sends.run()]);
}

runWorker().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
