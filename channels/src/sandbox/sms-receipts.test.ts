import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findClosedPort } from '../contract/closed-port';
import { createSmsRuAdapter } from '../sms/smsru-adapter';
import { createTwilioAdapter } from '../sms/twilio-adapter';
import {
  isValidTwilioSignature,
  parseSmsRuCallback,
  parseTwilioStatusCallback,
} from '../sms/delivery-receipt';
import { readBody } from './read-body';
import type { SmsSandbox, SmsSandboxOptions } from './sandbox-types';
import { startSmsSandbox } from './sms-sandbox';

/** One POST the test receiver got, its form fields numbered the way the API numbers `data[]`. */
interface Received {
  path: string;
  signature: string | undefined;
  form: Record<string, string>;
}

/** A real loopback receiver answering with `answers` in turn (the last one repeats). */
async function startReceiver(answers: { status: number; body: string }[] = [{ status: 200, body: '100' }]) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    void readBody(request).then((body) => {
      const form: Record<string, string> = {};
      let index = 0;
      for (const [key, value] of new URLSearchParams(body)) {
        form[key === 'data[]' ? `data[${index++}]` : key] = value;
      }
      const signature = request.headers['x-twilio-signature'];
      received.push({ path: request.url ?? '', signature: signature as string | undefined, form });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)]!;
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function start(options: SmsSandboxOptions = {}): Promise<SmsSandbox> {
  const sandbox = await startSmsSandbox({ receipts: { delayMs: 20, retryDelayMs: 20 }, ...options });
  stops.push(() => sandbox.stop());
  return sandbox;
}

async function receiver(answers?: { status: number; body: string }[]) {
  const started = await startReceiver(answers);
  stops.push(() => started.stop());
  return started;
}

const AUTH_TOKEN = 'twilio-test-token';

function twilio(sandbox: SmsSandbox, statusCallbackUrl: string) {
  return createTwilioAdapter({
    accountSid: 'ACreceipts',
    authToken: AUTH_TOKEN,
    from: '+15005550006',
    baseUrl: sandbox.baseUrl,
    statusCallbackUrl,
  });
}

describe('sms sandbox delivery receipts', () => {
  it('posts Twilio status callbacks, sent then delivered, signed with the account auth token', async () => {
    const target = await receiver();
    const sandbox = await start();
    const callbackUrl = `${target.url}/v1/receipts/twilio?source=sandbox`;
    const outcome = await twilio(sandbox, callbackUrl).send({
      channel: 'sms',
      messageId: 'm-1',
      to: '+79161234567',
      body: 'Hello',
    });
    expect(outcome.kind).toBe('sent');
    await sandbox.waitForReceiptCount(2, 5_000);
    const [sms] = sandbox.listMessages();
    expect(target.received.map((post) => post.form.MessageStatus)).toEqual(['sent', 'delivered']);
    for (const post of target.received) {
      expect(post.path).toBe('/v1/receipts/twilio?source=sandbox');
      expect(isValidTwilioSignature(AUTH_TOKEN, callbackUrl, post.form, post.signature ?? '')).toBe(true);
      expect(isValidTwilioSignature('another-token', callbackUrl, post.form, post.signature ?? '')).toBe(
        false,
      );
      expect(post.form).toMatchObject({ AccountSid: 'ACreceipts', To: '+79161234567', From: '+15005550006' });
    }
    expect(parseTwilioStatusCallback(target.received[1]!.form)).toMatchObject({
      providerId: sms!.providerId,
      state: 'delivered',
    });
    expect(sandbox.listReceipts()).toMatchObject([
      { provider: 'twilio', messageId: sms!.id, status: 'sent', outcome: 'posted', attempts: 1 },
      { provider: 'twilio', messageId: sms!.id, status: 'delivered', outcome: 'posted', responseStatus: 200 },
    ]);
  });

  it('reports undeliverable Twilio numbers as undelivered: unknown numbers permanently, switched-off phones not', async () => {
    const target = await receiver();
    const sandbox = await start();
    const adapter = twilio(sandbox, `${target.url}/dlr`);
    await adapter.send({ channel: 'sms', messageId: 'm-unknown', to: '+79160000404', body: 'Hi' });
    await adapter.send({ channel: 'sms', messageId: 'm-off', to: '+79160000408', body: 'Hi' });
    await sandbox.waitForReceiptCount(4, 5_000);
    const finals = target.received.filter((post) => post.form.MessageStatus !== 'sent');
    const byNumber = Object.fromEntries(
      finals.map((post) => [post.form.To, parseTwilioStatusCallback(post.form)]),
    );
    expect(byNumber['+79160000404']).toMatchObject({
      state: 'failed',
      permanent: true,
      detail: 'undelivered (30005)',
    });
    expect(byNumber['+79160000408']).toMatchObject({ state: 'failed', permanent: false });
  });

  it('posts SMS.ru sms_status callbacks to the account callback URL and accepts only the answer 100', async () => {
    const target = await receiver([
      { status: 200, body: 'OK' },
      { status: 200, body: '100' },
    ]);
    const sandbox = await start({ smsRuCallbackUrl: `${target.url}/v1/receipts/smsru` });
    const adapter = createSmsRuAdapter({ apiId: 'sandbox', baseUrl: sandbox.baseUrl });
    const outcome = await adapter.send({
      channel: 'sms',
      messageId: 'm-2',
      to: '+79161234567',
      body: 'Привет',
    });
    await adapter.send({ channel: 'sms', messageId: 'm-3', to: '+79160000404', body: 'Привет' });
    expect(outcome.kind).toBe('sent');
    await sandbox.waitForReceiptCount(4, 5_000);
    const receipts = target.received.flatMap((post) => parseSmsRuCallback(post.form));
    const providerId = outcome.kind === 'sent' ? outcome.providerId : '';
    const mine = receipts.filter((receipt) => receipt.providerId === providerId);
    expect(mine.map((receipt) => receipt.detail)).toContain('status 103');
    expect(mine.at(-1)).toMatchObject({ state: 'delivered' });
    expect(receipts.find((receipt) => receipt.detail === 'status 150')).toMatchObject({
      state: 'failed',
      permanent: true,
    });
    // The first answer was "OK", not "100": SMS.ru would repeat that callback, and so does the sandbox.
    expect(sandbox.listReceipts().find((receipt) => receipt.attempts === 2)).toBeDefined();
  });

  it('sends no receipts when told not to, even with a StatusCallback', async () => {
    const target = await receiver();
    const sandbox = await start({ receipts: false, smsRuCallbackUrl: `${target.url}/dlr` });
    await twilio(sandbox, `${target.url}/dlr`).send({
      channel: 'sms',
      messageId: 'm-0',
      to: '+79161234567',
      body: 'x',
    });
    await createSmsRuAdapter({ apiId: 'sandbox', baseUrl: sandbox.baseUrl }).send({
      channel: 'sms',
      messageId: 'm-00',
      to: '+79161234567',
      body: 'x',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox.listMessages()).toHaveLength(2);
    expect(sandbox.listReceipts()).toEqual([]);
    expect(target.received).toEqual([]);
  });

  it('sends no SMS.ru receipts without a callback URL and no Twilio receipts without a StatusCallback', async () => {
    const sandbox = await start();
    await createSmsRuAdapter({ apiId: 'sandbox', baseUrl: sandbox.baseUrl }).send({
      channel: 'sms',
      messageId: 'm-4',
      to: '+79161234567',
      body: 'x',
    });
    await createTwilioAdapter({ accountSid: 'AC1', authToken: 't', baseUrl: sandbox.baseUrl }).send({
      channel: 'sms',
      messageId: 'm-5',
      to: '+79161234567',
      body: 'x',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox.listMessages()).toHaveLength(2);
    expect(sandbox.listReceipts()).toEqual([]);
  });

  it('retries a receiver that is down, then logs and keeps serving', async () => {
    const logged: string[] = [];
    const sandbox = await start({
      receipts: { delayMs: 10, retryDelayMs: 10, attempts: 3, log: (line) => logged.push(line) },
    });
    const closed = `http://127.0.0.1:${await findClosedPort()}/v1/receipts/twilio`;
    await twilio(sandbox, closed).send({ channel: 'sms', messageId: 'm-6', to: '+79161234567', body: 'x' });
    await sandbox.waitForReceiptCount(2, 5_000);
    expect(sandbox.listReceipts()).toMatchObject([
      { status: 'sent', outcome: 'failed', attempts: 3, responseStatus: null },
      { status: 'delivered', outcome: 'failed', attempts: 3 },
    ]);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain('gave up after 3 attempts');
    const again = await twilio(sandbox, closed).send({
      channel: 'sms',
      messageId: 'm-7',
      to: '+79161234567',
      body: 'y',
    });
    expect(again.kind).toBe('sent');
  });

  it('rejects a StatusCallback that is not a URL, as Twilio does', async () => {
    const sandbox = await start();
    const outcome = await twilio(sandbox, 'not a url').send({
      channel: 'sms',
      messageId: 'm-8',
      to: '+79161234567',
      body: 'x',
    });
    expect(outcome).toMatchObject({ kind: 'rejected' });
    expect(sandbox.listMessages()).toEqual([]);
  });

  it('stop() cancels receipts still waiting, so nothing is posted after it', async () => {
    const target = await receiver();
    const sandbox = await startSmsSandbox({ receipts: { delayMs: 5_000 } });
    await twilio(sandbox, `${target.url}/dlr`).send({
      channel: 'sms',
      messageId: 'm-9',
      to: '+79161234567',
      body: 'x',
    });
    const started = Date.now();
    await sandbox.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sandbox.listReceipts()).toEqual([]);
    expect(target.received).toEqual([]);
  });
});
