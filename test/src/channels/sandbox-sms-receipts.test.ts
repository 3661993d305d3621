import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsRuAdapter, createTwilioAdapter } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { registerSwagger } from '@touchpoint/engine/api/plugins/swagger';
import { sandboxRoutes } from '@touchpoint/engine/api/routes/sandbox/index';
import { PATIENCE_MS } from '../harness/patience';

// `GET /v1/sandbox/sms` carries each text's delivery receipts, as the sandbox really posted them to
// a receiver over loopback HTTP: Twilio's StatusCallback and SMS.ru's sms_status callbacks.
let smtp: SmtpSandbox;
let sms: SmsSandbox;
let receiver: http.Server;
const app = Fastify();

interface Item {
  id: string;
  to: string;
  receipts: { status: string; state: string; reason: string | null; detail: string; outcome: string }[];
}

/** A receipt receiver: `/down` refuses every post; SMS.ru posts must be answered `100`. */
async function startReceiver(): Promise<string> {
  receiver = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url === '/down') response.writeHead(503).end('down');
      else response.writeHead(200).end(request.url === '/smsru' ? '100' : '{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

async function listSms(to: string): Promise<Item[]> {
  const response = await app.inject({ url: `/v1/sandbox/sms?to=${encodeURIComponent(to)}` });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Item[] }>().items;
}

beforeAll(async () => {
  const receiverUrl = await startReceiver();
  [smtp, sms] = await Promise.all([
    startSmtpSandbox(),
    startSmsSandbox({
      smsRuCallbackUrl: `${receiverUrl}/smsru`,
      receipts: { delayMs: 10, attempts: 2, retryDelayMs: 10, log: () => undefined },
    }),
  ]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerSwagger(app);
  await app.register(sandboxRoutes, { mailbox: smtp, smsInbox: sms });
  const twilioTo = (path: string) =>
    createTwilioAdapter({
      accountSid: 'ACsandbox',
      authToken: 'sandbox',
      from: 'Touchpoint',
      baseUrl: sms.baseUrl,
      statusCallbackUrl: `${receiverUrl}${path}`,
    });
  const twilio = twilioTo('/twilio');
  const smsRu = createSmsRuAdapter({ apiId: 'x', baseUrl: sms.baseUrl });
  const sends = [
    twilio.send({ channel: 'sms', messageId: 't1', to: '+15550001234', body: 'Delivered' }),
    twilio.send({ channel: 'sms', messageId: 't2', to: '+15550000404', body: 'Unknown number' }),
    twilio.send({ channel: 'sms', messageId: 't3', to: '+15550000408', body: 'Switched off' }),
    twilioTo('/down').send({ channel: 'sms', messageId: 't4', to: '+15550005555', body: 'Refused' }),
    smsRu.send({ channel: 'sms', messageId: 's1', to: '+79990001234', body: 'Доставлено' }),
    smsRu.send({ channel: 'sms', messageId: 's2', to: '+79990000404', body: 'Нет номера' }),
  ];
  for (const outcome of await Promise.all(sends)) expect(outcome.kind).toBe('sent');
  await sms.waitForReceiptCount(12, PATIENCE_MS);
});

afterAll(async () => {
  await app.close();
  await Promise.all([smtp.stop(), sms.stop()]);
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('sandbox SMS with their receipts', () => {
  it('gives a delivered Twilio text its sent and delivered receipts in posting order', async () => {
    const [item] = await listSms('+15550001234');
    expect(item?.receipts).toEqual([
      expect.objectContaining({ status: 'sent', state: 'pending', reason: null, outcome: 'posted' }),
      expect.objectContaining({ status: 'delivered', state: 'delivered', reason: null, outcome: 'posted' }),
    ]);
    const one = await app.inject({ url: `/v1/sandbox/sms/${item!.id}` });
    expect(one.json<Item>().receipts.map((receipt) => receipt.status)).toEqual(['sent', 'delivered']);
  });

  it('names an unknown number (0404) and a switched-off phone (0408) as the reason', async () => {
    const [unknown] = await listSms('+15550000404');
    expect(unknown?.receipts.at(-1)).toMatchObject({
      status: 'undelivered',
      state: 'failed',
      reason: 'unknownNumber',
      detail: 'undelivered (30005)',
    });
    const [off] = await listSms('+15550000408');
    expect(off?.receipts.at(-1)).toMatchObject({ state: 'failed', reason: 'unreachable' });
  });

  it('reads SMS.ru status codes the same way', async () => {
    const [delivered] = await listSms('+79990001234');
    expect(delivered?.receipts.map((receipt) => [receipt.status, receipt.state])).toEqual([
      ['102', 'pending'],
      ['103', 'delivered'],
    ]);
    const [unknown] = await listSms('+79990000404');
    expect(unknown?.receipts.at(-1)).toMatchObject({
      status: '150',
      state: 'failed',
      reason: 'unknownNumber',
    });
  });

  it('keeps receipts the receiver refused, marked as failed posts', async () => {
    const [refused] = await listSms('+15550005555');
    expect(refused?.receipts.map((receipt) => [receipt.status, receipt.outcome])).toEqual([
      ['sent', 'failed'],
      ['delivered', 'failed'],
    ]);
  });

  it('documents the receipts in the OpenAPI document', async () => {
    const document = (await app.inject({ url: '/docs/json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }>;
    }>();
    const body = JSON.stringify(document.paths['/v1/sandbox/sms/{id}']?.get.responses['200']);
    for (const field of ['receipts', 'postedAt', 'unknownNumber', 'outcome']) expect(body).toContain(field);
  });
});
