import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '@touchpoint/activities';
import {
  DeliveryPolicy,
  startSmsSandbox,
  startSmtpSandbox,
  type ChannelKind,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels';
import { openDatabase, type OpenDatabase } from '@touchpoint/db';
import { WORKER_DB_CONNECTIONS } from '@touchpoint/engine/main/db-pool';
import { CHANNEL_RATE_LIMITS, startWorkers, type RunningWorkers } from '@touchpoint/engine/main/run-workers';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { createStartJourney } from '@touchpoint/engine/temporal/start-journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxAdapters, seedClient, seedTemplates, TRACKING } from '../channels/send-fixtures';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { insertPublishedJourney } from '../harness/published-journey';

// The product's own worker wiring on the real Temporal dev server, whose matching service enforces
// each queue's rate limit; queues get names of their own because other test files share the server.
const CLIENTS_PER_CHANNEL = 30;
const SMS_PROVIDER_DELAY_MS = 3_000;

function oneSendJourney(channel: ChannelKind) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
      {
        id: 'send',
        kind: 'send',
        config: { channels: [channel], templateId: 'winback', quietHours: 'skip' },
      },
      { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    ],
    edges: [
      { id: 'e1', source: 'entry', sourcePort: 'out', target: 'send' },
      { id: 'e2', source: 'send', sourcePort: 'sent', target: 'done' },
      { id: 'e3', source: 'send', sourcePort: 'unreachable', target: 'done' },
    ],
    settings: {},
    layout: {},
  };
}

describe('a slow, rate-limited SMS provider', () => {
  let testDb: TestDatabase;
  let database: OpenDatabase;
  let smtp: SmtpSandbox;
  let sms: SmsSandbox;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let workers: RunningWorkers;
  const run = randomUUID().slice(0, 8);
  const taskQueue = `slow-channel-${run}`;
  const sendTaskQueues = {
    email: `email-sends-${run}`,
    sms: `sms-sends-${run}`,
    call: `call-sends-${run}`,
    webhook: `webhook-sends-${run}`,
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url, { maxConnections: WORKER_DB_CONNECTIONS });
    [smtp, sms] = await Promise.all([
      startSmtpSandbox(),
      startSmsSandbox({ responseDelayMs: SMS_PROVIDER_DELAY_MS, receipts: false }),
    ]);
    await seedTemplates(database.db);
    const address = process.env.TEMPORAL_ADDRESS!;
    [connection, nativeConnection] = await Promise.all([
      Connection.connect({ address }),
      NativeConnection.connect({ address }),
    ]);
    const client = new Client({ connection });
    const activities = createActivities({
      db: database.db,
      startJourney: createStartJourney({ db: database.db, client, taskQueue, useSearchAttributes: false }),
      adapters: createSandboxAdapters(smtp, sms),
      policy: DeliveryPolicy.parse({}),
      tracking: TRACKING,
    });
    workers = await startWorkers({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      activities,
      sendTaskQueues,
    });
  });

  afterAll(async () => {
    await workers?.shutdown();
    await nativeConnection?.close();
    await connection?.close();
    await Promise.all([smtp?.stop(), sms?.stop()]);
    await database?.close();
    await testDb?.close();
  });

  it(
    'backs up its own queue at its own rate while email goes straight through',
    { timeout: 60_000 },
    async () => {
      const client = new Client({ connection });
      const enrollAll = async (channel: ChannelKind) => {
        const definition = oneSendJourney(channel);
        const journeyId = await insertPublishedJourney(database.db, definition);
        const people = await Promise.all(
          Array.from({ length: CLIENTS_PER_CHANNEL }, () => seedClient(database.db)),
        );
        return Promise.all(
          people.map((person) =>
            enrollClient(client, {
              journeyId,
              journeyVersion: 1,
              clientId: person.id,
              definition,
              reentry: 'once',
              source: 'manual',
              taskQueue,
              sendTaskQueues,
              useSearchAttributes: false,
            }),
          ),
        );
      };
      // The SMS go in first, so a shared queue would make the emails wait behind them.
      const textRuns = await enrollAll('sms');
      const mailRuns = await enrollAll('email');

      await smtp.waitForCount(CLIENTS_PER_CHANNEL, 30_000);
      const textsWhenMailDone = sms.listMessages().length;
      await Promise.all([...textRuns, ...mailRuns].map((run) => run.result()));

      const texts = sms.listMessages().map((text) => Date.parse(text.receivedAt));
      const spreadSeconds = (Math.max(...texts) - Math.min(...texts)) / 1_000;
      console.info(
        `slow channel: ${textsWhenMailDone}/${CLIENTS_PER_CHANNEL} texts in when all mail was in; ` +
          `texts spread over ${spreadSeconds.toFixed(1)} s`,
      );
      expect(smtp.listMessages()).toHaveLength(CLIENTS_PER_CHANNEL);
      expect(texts).toHaveLength(CLIENTS_PER_CHANNEL);
      // Email did not wait for the slow provider: the texts were still on their way. (With the SMS
      // worker allowed to hold every database connection, 20 of 30 texts came in first.)
      expect(textsWhenMailDone).toBeLessThanOrEqual(5);
      // The SMS queue kept to its limit: at 10 a second, even after a first burst of 10, the other
      // 20 need two seconds.
      expect(CHANNEL_RATE_LIMITS.sms).toBe(10);
      expect(spreadSeconds).toBeGreaterThanOrEqual(
        (CLIENTS_PER_CHANNEL - CHANNEL_RATE_LIMITS.sms) / 10 - 0.1,
      );
    },
  );
});
