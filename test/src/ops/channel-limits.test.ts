import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { temporal } from '@temporalio/proto';
import { enrollments, eq } from '@touchpoint/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/paths';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { oneSendJourney } from '../harness/one-send-journey';

const IN_FLIGHT = 2;
const CLIENTS = 5;
const STARTED = temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED;

/**
 * A webhook receiver that holds every request until the test lets go, counting how many it holds at
 * once: what the provider side sees of a channel's concurrency.
 */
async function startHoldingReceiver() {
  const held: ServerResponse[] = [];
  let holding = true;
  let mostAtOnce = 0;
  let received = 0;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    request.once('end', () => {
      received += 1;
      if (!holding) return void response.writeHead(200).end('{}');
      held.push(response);
      mostAtOnce = Math.max(mostAtOnce, held.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    held: () => held.length,
    received: () => received,
    mostAtOnce: () => mostAtOnce,
    /** Answers what it holds and everything after it at once. */
    letGo() {
      holding = false;
      for (const response of held.splice(0)) response.writeHead(200).end('{}');
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const HOOK_JOURNEY = oneSendJourney(
  { kind: 'event', event: { type: 'ordered' } },
  { id: 'notify', channels: ['webhook'], templateId: 'order-hook', quietHours: 'skip' },
);

// A channel's limits are the deployment's configuration: WEBHOOK_SENDS_IN_FLIGHT=2 lets the webhook
// worker hold two sends at the receiver, however many journeys want to send, and no more.
describe('channel limits from the configuration', () => {
  let tp: TestProduct;
  let receiver: Awaited<ReturnType<typeof startHoldingReceiver>>;

  beforeAll(async () => {
    receiver = await startHoldingReceiver();
    tp = await startTestProduct({
      name: 'ops-limits',
      // The receiver is on loopback, so this deployment allows private targets, as a test rig would.
      env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_SENDS_IN_FLIGHT: String(IN_FLIGHT) },
    });
    await tp.call('POST', '/v1/templates', {
      channel: 'webhook',
      key: 'order-hook',
      name: 'Order hook',
      body: JSON.stringify({ url: receiver.url, payload: { client: '{{ client.externalId }}' } }),
    });
  });
  afterAll(async () => {
    receiver?.letGo();
    await tp?.stop();
    await receiver?.stop();
  });

  it('holds sends beyond the configured in-flight count on the queue, then sends them all', async () => {
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Order hook', definition: HOOK_JOURNEY });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const granted = { status: 'granted', updatedAt: new Date().toISOString() };
    const names = Array.from({ length: CLIENTS }, (_, index) => `limit-${index}`);
    for (const name of names) await tp.call('PUT', `/v1/clients/${name}`, { consent: { webhook: granted } });
    await tp.call('POST', '/v1/events', {
      events: names.map((name) => ({
        idempotencyKey: `ordered-${name}`,
        clientId: name,
        type: 'ordered',
        occurredAt: new Date().toISOString(),
      })),
    });

    // Every journey has asked the webhook queue for its send; Temporal says how many a worker took.
    const sendStates = async () => {
      const rows = await tp.database.db
        .select({ workflowId: enrollments.workflowId })
        .from(enrollments)
        .where(eq(enrollments.journeyId, String(journey.id)));
      const descriptions = await Promise.all(
        rows.map((row) => tp.env.client.workflow.getHandle(row.workflowId).describe()),
      );
      // Only the sends: a journey's other activities (bookkeeping) are no business of the channel.
      return descriptions
        .flatMap((description) => description.raw.pendingActivities ?? [])
        .filter((activity) => activity.activityType?.name === 'sendMessage');
    };
    let pending: Awaited<ReturnType<typeof sendStates>> = [];
    await waitUntil(
      async () => {
        pending = await sendStates();
        return receiver.held() === IN_FLIGHT && pending.length === CLIENTS;
      },
      undefined,
      `${IN_FLIGHT} sends held at the receiver while all ${CLIENTS} journeys wait on theirs`,
    );
    // The other three are scheduled and not started: the limit, not a slow dispatch, keeps them.
    expect(pending.filter((activity) => activity.state === STARTED)).toHaveLength(IN_FLIGHT);
    expect(receiver.held()).toBe(IN_FLIGHT);

    receiver.letGo();
    await waitUntil(async () => receiver.received() === CLIENTS, undefined, 'every send at the receiver');
    expect(receiver.mostAtOnce()).toBe(IN_FLIGHT);
    await waitUntil(
      async () => (await sendStates()).length === 0,
      undefined,
      'no journey still waiting on its send',
    );
  });
});

// A bad value stops the process before it connects anywhere, naming the variable and the rule.
describe('a bad channel limit', () => {
  it('stops the worker at start-up with a message naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'engine/src/main/worker.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        SMS_SENDS_IN_FLIGHT: 'lots',
        EMAIL_SENDS_PER_SECOND: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toMatch(/SMS_SENDS_IN_FLIGHT: .*number/i);
    expect(stderr).toMatch(/EMAIL_SENDS_PER_SECOND: .*>0/);
  });
});
