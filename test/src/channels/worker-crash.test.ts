import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox';
import { clients, messages, openDatabase, type Database } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { seedTemplates, TEMPLATE_KEY } from './send-fixtures';
import type { SendOnceInput } from './workflows/send-workflow';

const CLIENTS = 1000;
const KILL_AFTER = 300;
const workerPath = fileURLToPath(new URL('./workflows/send-worker.ts', import.meta.url));

let testDb: TestDatabase;
let db: Database;
let closeDb: () => Promise<void>;
let smtp: SmtpSandbox;
let connection: Connection;
const workers: ChildProcess[] = [];
const queues = {
  WORKFLOW_TASK_QUEUE: `crash-wf-${randomUUID()}`,
  ACTIVITY_TASK_QUEUE: `email-sends-${randomUUID()}`,
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  ({ db, close: closeDb } = openDatabase(testDb.url));
  // The relay answers 20 ms after storing, so the kill lands while it holds mail the worker has not
  // heard back about: the window in which a naive retry would send twice.
  smtp = await startSmtpSandbox({ replyDelayMs: 20 });
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  await seedTemplates(db);
});

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  await connection?.close();
  await smtp?.stop();
  await closeDb?.();
  await testDb?.close();
});

/** Spawns a worker process and resolves once it polls. */
function spawnWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerPath], {
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      SMTP_PORT: String(smtp.port),
      SMTP_API_URL: smtp.apiUrl,
      ...queues,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before it was ready: ${errors}`)),
    );
  });
}

async function seedClients(): Promise<string[]> {
  const rows = Array.from({ length: CLIENTS }, (_, i) => ({
    externalId: `crash-${i}`,
    email: `crash-${i}@example.com`,
    consent: { email: { status: 'granted' as const, updatedAt: '2025-01-01T00:00:00Z' } },
  }));
  const inserted = await db.insert(clients).values(rows).returning({ id: clients.id });
  return inserted.map((row) => row.id);
}

/** Outbox rows a killed attempt left in `sending`, by how the next attempt settled them. */
async function countInterruptedSends(): Promise<{ confirmed: number; resent: number }> {
  const rows = await db.select({ timeline: messages.statusTimeline }).from(messages);
  const details = rows.flatMap((row) => row.timeline.map((entry) => entry.detail ?? ''));
  return {
    confirmed: details.filter((detail) => detail.includes('confirmed by smtp')).length,
    resent: details.filter((detail) => detail.includes('never reached smtp')).length,
  };
}

describe('a worker killed with SIGKILL in the middle of a send', () => {
  it(
    `delivers exactly ${CLIENTS} emails, none twice, after a second worker takes over`,
    { timeout: 240_000 },
    async () => {
      const clientIds = await seedClients();
      const temporal = new Client({ connection });
      const runId = randomUUID().slice(0, 8);
      const handles = [];
      for (let i = 0; i < clientIds.length; i += 100) {
        const batch = clientIds.slice(i, i + 100).map((clientId, j) =>
          temporal.workflow.start('sendOnceWorkflow', {
            taskQueue: queues.WORKFLOW_TASK_QUEUE,
            workflowId: `journey:crash-${runId}:client:${i + j}`,
            args: [
              {
                clientId,
                templateId: TEMPLATE_KEY,
                activityTaskQueue: queues.ACTIVITY_TASK_QUEUE,
              } satisfies SendOnceInput,
            ],
          }),
        );
        handles.push(...(await Promise.all(batch)));
      }

      const first = await spawnWorker();
      await smtp.waitForCount(KILL_AFTER, 120_000);
      first.kill('SIGKILL');
      const deliveredAtKill = smtp.listMessages().length;
      expect(deliveredAtKill).toBeLessThan(CLIENTS); // the kill really happened mid-send

      await spawnWorker();
      const results = await Promise.all(handles.map((handle) => handle.result()));
      expect(results.every((status) => status === 'sent')).toBe(true);

      const received = smtp.listMessages();
      const interrupted = await countInterruptedSends();
      console.info(
        `crash test: ${deliveredAtKill} delivered when killed, ${received.length} SMTP deliveries in all; ` +
          `interrupted mid-send: ${interrupted.confirmed} confirmed by the relay, ${interrupted.resent} sent again`,
      );
      // Exactly one delivery per client: a message the relay accepted in the instant before the kill is
      // confirmed by asking the relay, not sent a second time.
      expect(received).toHaveLength(CLIENTS);
      expect(new Set(received.map((mail) => mail.idempotencyKey)).size).toBe(CLIENTS);
      expect(new Set(received.flatMap((mail) => mail.to)).size).toBe(CLIENTS);
      // The kill really caught mail the relay had accepted unbeknown to the worker (else this proves nothing).
      expect(interrupted.confirmed).toBeGreaterThan(0);
      const sent = await db.select({ id: messages.id }).from(messages).where(eq(messages.status, 'sent'));
      expect(sent).toHaveLength(CLIENTS);
    },
  );
});
