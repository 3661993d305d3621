import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '@touchpoint/activities';
import {
  DeliveryPolicy,
  type ChannelAdapter,
  type ChannelKind,
  type OutboundMessage,
  type SmsMessage,
} from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { openDatabase, type OpenDatabase } from '@touchpoint/db';
import { WORKER_DB_CONNECTIONS } from '@touchpoint/engine/main/db-pool';
import {
  CHANNEL_CONCURRENCY,
  CHANNEL_RATE_LIMITS,
  startWorkers,
  type RunningWorkers,
} from '@touchpoint/engine/main/run-workers';
import { enrollClient } from '@touchpoint/engine/temporal/enroll-client';
import { createStartJourney } from '@touchpoint/engine/temporal/start-journey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxAdapters, seedClient, seedTemplates, TRACKING } from '../channels/send-fixtures';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { PATIENCE_MS } from '../harness/patience';
import { insertPublishedJourney } from '../harness/published-journey';

// The product's own worker wiring on the real Temporal dev server, whose matching service enforces
// each queue's rate limit; queues get names of their own because other test files share the server.
const CLIENTS_PER_CHANNEL = 30;

/**
 * The real Twilio adapter, aimed at the real sandbox, behind a gate: each send is held until the
 * test opens the gate, like a provider that answers nothing for as long as the test needs. A fixed
 * provider delay would be a wall-clock race (on a loaded machine the mail took longer than the delay
 * and 20 texts came in first); holding the texts until all mail is in asserts the ordering itself.
 */
function gateSends<M extends OutboundMessage>(adapter: ChannelAdapter<M>) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const calls: number[] = [];
  const gated: ChannelAdapter<M> = {
    channel: adapter.channel,
    provider: adapter.provider,
    async send(message) {
      calls.push(Date.now());
      await opened;
      return adapter.send(message);
    },
    close: () => adapter.close(),
    // Kept, so an interrupted text is settled by asking the provider, as in production.
    ...(adapter.findAccepted && { findAccepted: adapter.findAccepted.bind(adapter) }),
  };
  return { adapter: gated, calls, open };
}

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
  let smsGate: ReturnType<typeof gateSends<SmsMessage>>;
  const run = randomUUID().slice(0, 8);
  const taskQueue = `slow-channel-${run}`;
  const sendTaskQueues = {
    email: `email-sends-${run}`,
    sms: `sms-sends-${run}`,
    call: `call-sends-${run}`,
    webhook: `webhook-sends-${run}`,
  };

  const withGatedSms = (adapters: ReturnType<typeof createSandboxAdapters>) => {
    smsGate = gateSends(adapters.sms);
    return { ...adapters, sms: smsGate.adapter };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = openDatabase(testDb.url, { maxConnections: WORKER_DB_CONNECTIONS });
    [smtp, sms] = await Promise.all([startSmtpSandbox(), startSmsSandbox({ receipts: false })]);
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
      adapters: withGatedSms(createSandboxAdapters(smtp, sms)),
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
    smsGate?.open(); // a failed test must not leave sends held through the workers' shutdown
    await workers?.shutdown();
    await nativeConnection?.close();
    await connection?.close();
    await Promise.all([smtp?.stop(), sms?.stop()]);
    await database?.close();
    await testDb?.close();
  });

  it('backs up its own queue at its own rate while email goes straight through', async () => {
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

    // Every text the provider was handed is held, each holding its send's database connection (the
    // visit's lease). All mail must still arrive: behind a shared queue, or with the SMS worker able
    // to take every connection, it never would, and this wait fails naming the missing mail.
    await smtp.waitForCount(CLIENTS_PER_CHANNEL, PATIENCE_MS);
    const textsHeldWhenMailDone = smsGate.calls.length;
    expect(sms.listMessages()).toHaveLength(0);
    // The SMS worker caps its sends in flight, so the held texts cannot take the whole pool.
    expect(textsHeldWhenMailDone).toBeGreaterThan(0);
    expect(textsHeldWhenMailDone).toBeLessThanOrEqual(CHANNEL_CONCURRENCY.sms);

    const openedAt = Date.now();
    smsGate.open();
    await Promise.all([...textRuns, ...mailRuns].map((run) => run.result()));
    const afterOpening = smsGate.calls.slice(textsHeldWhenMailDone);
    const spreadSeconds = (Math.max(...afterOpening) - openedAt) / 1_000;
    console.info(
      `slow channel: ${textsHeldWhenMailDone}/${CLIENTS_PER_CHANNEL} texts held while all mail went in; ` +
        `the other ${afterOpening.length} spread over ${spreadSeconds.toFixed(1)} s after release`,
    );
    expect(smtp.listMessages()).toHaveLength(CLIENTS_PER_CHANNEL);
    expect(sms.listMessages()).toHaveLength(CLIENTS_PER_CHANNEL);
    // The SMS queue kept to its limit. A lower bound on time, which a slow machine only widens: at
    // 10 a second, even after a burst of 10 saved up while the gate was shut, the rest need a second
    // more per 10 (without the limit they would all go within a few milliseconds of the release).
    expect(CHANNEL_RATE_LIMITS.sms).toBe(10);
    expect(spreadSeconds).toBeGreaterThanOrEqual(
      (afterOpening.length - CHANNEL_RATE_LIMITS.sms) / CHANNEL_RATE_LIMITS.sms - 0.1,
    );
  });
});
