import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockedTargetError } from '../http/address-guard';
import { startWebhookSink, type WebhookSink } from '../sandbox';
import { createWebhookAdapter } from './webhook-adapter';
import { SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  it('verifies its own signature and refuses altered bodies and stale timestamps', () => {
    const now = new Date('2025-03-01T12:00:00Z');
    const header = signWebhookBody('{"a":1}', 'k', now);
    expect(verifyWebhookSignature('{"a":1}', header, 'k', { now })).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', header, 'k', { now })).toBe(false);
    expect(
      verifyWebhookSignature('{"a":1}', header, 'k', { now: new Date(now.getTime() + 10 * 60_000) }),
    ).toBe(false);
  });
});

describe('createWebhookAdapter', () => {
  let sink: WebhookSink;
  beforeAll(async () => {
    sink = await startWebhookSink();
  });
  afterAll(() => sink.stop());

  it('refuses a loopback target by default, by name too, with a BlockedTargetError and without sending', async () => {
    const adapter = createWebhookAdapter({ secret: 'k' });
    const send = (messageId: string, url: string) =>
      adapter.send({ channel: 'webhook', messageId, url, payload: {} });
    await expect(send('m1', `${sink.baseUrl}/hooks`)).rejects.toThrow(BlockedTargetError);
    await expect(send('m2', sink.baseUrl.replace('127.0.0.1', 'localhost'))).rejects.toThrow(
      /private or loopback/,
    );
    expect(sink.listMessages()).toHaveLength(0);
  });

  it('signs the body and carries the idempotency key when loopback is allowed', async () => {
    const adapter = createWebhookAdapter({ secret: 'k', allowPrivateTargets: true });
    const outcome = await adapter.send({
      channel: 'webhook',
      messageId: 'm3',
      url: `${sink.baseUrl}/hooks`,
      payload: { a: 1 },
    });
    expect(outcome.kind).toBe('sent');
    const [request] = sink.listMessages();
    expect(request?.headers['idempotency-key']).toBe('m3');
    expect(JSON.parse(request!.body)).toEqual({ messageId: 'm3', a: 1 });
    expect(verifyWebhookSignature(request!.body, String(request!.headers[SIGNATURE_HEADER]), 'k')).toBe(true);
  });
});
