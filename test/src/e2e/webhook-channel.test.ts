import { SIGNATURE_HEADER, verifyWebhookSignature } from '@touchpoint/channels';
import { startWebhookSink, type WebhookSink } from '@touchpoint/channels/sandbox';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// Webhook and call-center push sends, end to end: templates and a journey made over HTTP, an event
// posted, the workflow run on the time-skipping server, and the signed POST received by a real HTTP
// server on loopback that answers 401 to anything whose signature does not verify.
const SECRET = 'webhook-e2e-signing-secret';
const now = () => new Date().toISOString();

function webhookJourney(
  event: string,
  sends: { id: string; channel: 'webhook' | 'call'; templateId: string }[],
) {
  const nodes = [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'event', event: { type: event } } } },
    ...sends.map((send) => ({
      id: send.id,
      kind: 'send',
      config: { channels: [send.channel], templateId: send.templateId, quietHours: 'skip' },
    })),
    { id: 'done', kind: 'exit', config: { reason: 'completed' } },
    { id: 'not-reachable', kind: 'exit', config: { reason: 'notReachable' } },
  ];
  const chain = ['entry', ...sends.map((send) => send.id), 'done'];
  const edges = [
    ...chain.slice(1).map((target, i) => ({
      id: `next-${target}`,
      source: chain[i]!,
      sourcePort: i === 0 ? 'out' : 'sent',
      target,
    })),
    ...sends.map((send) => ({
      id: `unreachable-${send.id}`,
      source: send.id,
      sourcePort: 'unreachable',
      target: 'not-reachable',
    })),
  ];
  return { schemaVersion: 1, nodes, edges, settings: {}, layout: {} };
}

async function publishJourney(tp: TestProduct, name: string, definition: unknown): Promise<string> {
  const journey = await tp.call('POST', '/v1/journeys', { name, definition });
  await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
  return String(journey.id);
}

async function enrollClient(tp: TestProduct, externalId: string, event: string): Promise<string> {
  const granted = { status: 'granted', updatedAt: now() };
  const client = await tp.call('PUT', `/v1/clients/${externalId}`, {
    phone: '+79161234567',
    attributes: { firstName: 'Vera' },
    consent: { webhook: granted, call: granted },
  });
  await tp.call('POST', '/v1/events', {
    idempotencyKey: `${event}-${externalId}`,
    clientId: externalId,
    type: event,
    occurredAt: now(),
  });
  return String(client.id);
}

const webhookTemplate = (key: string, url: string) => ({
  channel: 'webhook',
  key,
  name: key,
  body: JSON.stringify({
    url,
    payload: {
      event: 'order.shipped',
      client: '{{ client.externalId }}',
      greeting: 'Hi {{ client.firstName }}',
    },
  }),
});

describe('webhook and call-center push sends', () => {
  let tp: TestProduct;
  let sink: WebhookSink;

  beforeAll(async () => {
    sink = await startWebhookSink({ secret: SECRET });
    // The receiver is on loopback, so this deployment allows private targets, as a test rig would.
    tp = await startTestProduct({
      name: 'webhook-send',
      trackingSecret: SECRET,
      env: { WEBHOOK_ALLOW_PRIVATE: 'true', CALL_CENTER_PUSH_URL: `${sink.baseUrl}/calls` },
    });
    await tp.call('POST', '/v1/templates', webhookTemplate('shipped-hook', `${sink.baseUrl}/hooks/orders`));
    await tp.call('POST', '/v1/templates', {
      channel: 'call',
      key: 'callback',
      name: 'Callback',
      body: 'Call {{ client.firstName }} about the order.',
    });
  });

  afterAll(async () => {
    await tp?.stop();
    await sink?.stop();
  });

  it('posts the rendered payload signed with the tracking secret, then pushes the call task', async () => {
    await publishJourney(
      tp,
      'Shipping hook',
      webhookJourney('order_shipped', [
        { id: 'notify', channel: 'webhook', templateId: 'shipped-hook' },
        { id: 'call-back', channel: 'call', templateId: 'callback' },
      ]),
    );
    await enrollClient(tp, 'crm-hook-1', 'order_shipped');

    await sink.waitForCount(2, 60_000);
    const [hook, push] = sink.listMessages();
    // The sink stored them, so their signatures verified; checked here again against the body.
    expect(verifyWebhookSignature(hook!.body, String(hook!.headers[SIGNATURE_HEADER]), SECRET)).toBe(true);
    expect(hook!.path).toBe('/hooks/orders');
    const payload = JSON.parse(hook!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({ event: 'order.shipped', client: 'crm-hook-1', greeting: 'Hi Vera' });
    expect(hook!.headers['idempotency-key']).toBe(payload.messageId);

    expect(push!.path).toBe('/calls');
    expect(verifyWebhookSignature(push!.body, String(push!.headers[SIGNATURE_HEADER]), SECRET)).toBe(true);
    expect(JSON.parse(push!.body)).toMatchObject({
      phone: '+79161234567',
      script: 'Call Vera about the order.',
      taskId: expect.any(String),
    });

    // The sink holds a request before the sender has its answer and records it: wait for both
    // messages to leave `queued` / `sending`, then check what they became.
    const readMessages = async () => {
      const timeline = await tp.call<{
        items: { kind: string; channel: string | null; status: string | null }[];
      }>('GET', '/v1/clients/crm-hook-1/timeline');
      return timeline.items.filter((item) => item.kind === 'message');
    };
    const inFlight = new Set(['queued', 'sending']);
    await waitUntil(
      async () => {
        const listed = await readMessages();
        return listed.length === 2 && listed.every((item) => !inFlight.has(item.status ?? ''));
      },
      60_000,
      'both messages recorded by their senders',
    );
    const messages = await readMessages();
    expect(messages.map((item) => [item.channel, item.status])).toEqual([
      ['webhook', 'sent'],
      ['call', 'sent'],
    ]);
  });
});

describe('the private-address guard (WEBHOOK_ALLOW_PRIVATE off, the default)', () => {
  let tp: TestProduct;
  let sink: WebhookSink;

  beforeAll(async () => {
    sink = await startWebhookSink({ secret: SECRET });
    tp = await startTestProduct({ name: 'webhook-guard', trackingSecret: SECRET });
    await tp.call('POST', '/v1/templates', webhookTemplate('loopback-hook', `${sink.baseUrl}/hooks/orders`));
  });

  afterAll(async () => {
    await tp?.stop();
    await sink?.stop();
  });

  it('refuses a loopback URL once, for good, with the reason on the message, and sends nothing', async () => {
    const journeyId = await publishJourney(
      tp,
      'Loopback hook',
      webhookJourney('order_shipped', [{ id: 'notify', channel: 'webhook', templateId: 'loopback-hook' }]),
    );
    const clientId = await enrollClient(tp, 'crm-hook-2', 'order_shipped');
    const handle = tp.env.client.workflow.getHandle(journeyWorkflowId(journeyId, clientId, null));
    // Waiting for the run to close, however it closes, is what lets the assertions below be final.
    await waitUntil(async () => {
      const status = await handle.describe().then(
        (run) => run.status.name,
        () => 'NOT_STARTED',
      );
      return status !== 'RUNNING' && status !== 'NOT_STARTED';
    }, 60_000);

    const history = (await handle.fetchHistory()).events ?? [];
    const sendIds = new Set(
      history
        .filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'sendMessage')
        .map((event) => String(event.eventId)),
    );
    // Temporal records one started event per activity, carrying the attempt that ended it.
    const attempts = history
      .filter((event) => sendIds.has(String(event.activityTaskStartedEventAttributes?.scheduledEventId)))
      .map((event) => event.activityTaskStartedEventAttributes?.attempt);
    expect(attempts).toEqual([1]);
    const failure = history.find((event) => event.activityTaskFailedEventAttributes)
      ?.activityTaskFailedEventAttributes?.failure;
    expect(failure?.applicationFailureInfo).toMatchObject({
      type: 'WebhookTargetBlocked',
      nonRetryable: true,
    });
    expect(failure?.message).toMatch(/target address 127\.0\.0\.1 is private or loopback/);

    const timeline = await tp.call<{
      items: { kind: string; status: string | null; statusTimeline: { detail?: string }[] | null }[];
    }>('GET', '/v1/clients/crm-hook-2/timeline');
    const message = timeline.items.find((item) => item.kind === 'message');
    expect(message?.status).toBe('failed');
    expect(message?.statusTimeline?.at(-1)?.detail).toMatch(/127\.0\.0\.1 is private or loopback/);
    expect(sink.listMessages()).toHaveLength(0);
  });
});
