import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpAdapter, createSmsRuAdapter } from '@touchpoint/channels';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { sandboxRoutes } from '@touchpoint/engine/api/routes/sandbox/index';

let smtp: SmtpSandbox;
let sms: SmsSandbox;
const app = Fastify();

beforeAll(async () => {
  [smtp, sms] = await Promise.all([startSmtpSandbox(), startSmsSandbox()]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(sandboxRoutes, { mailbox: smtp, smsInbox: sms });
  const email = createSmtpAdapter({
    host: smtp.host,
    port: smtp.port,
    ignoreTls: true,
    from: 'tp@touchpoint.test',
    messageIdDomain: 'touchpoint.test',
  });
  for (const to of ['anna@example.com', 'oleg@example.com']) {
    await email.send({
      channel: 'email',
      messageId: `m-${to}`,
      to,
      subject: `Hi ${to}`,
      html: '<p>Hi</p>',
      text: 'Hi',
      headers: {},
    });
  }
  await email.close();
  await createSmsRuAdapter({ apiId: 'x', baseUrl: sms.baseUrl }).send({
    channel: 'sms',
    messageId: 's1',
    to: '+79991234567',
    body: 'Привет',
  });
});

afterAll(async () => {
  await app.close();
  await Promise.all([smtp.stop(), sms.stop()]);
});

describe('sandbox routes', () => {
  it('lists received mail newest first and filters by recipient', async () => {
    const all = (await app.inject({ url: '/v1/sandbox/mail' })).json<{ items: { subject: string }[] }>();
    expect(all.items.map((mail) => mail.subject)).toEqual(['Hi oleg@example.com', 'Hi anna@example.com']);
    const anna = (await app.inject({ url: '/v1/sandbox/mail?to=anna@example.com' })).json<{
      items: { id: string }[];
    }>();
    expect(anna.items).toHaveLength(1);
    const one = await app.inject({ url: `/v1/sandbox/mail/${anna.items[0]!.id}` });
    expect(one.json()).toMatchObject({ subject: 'Hi anna@example.com', text: 'Hi' });
  });

  it('shows received SMS with segment counts and answers 404 for unknown ids', async () => {
    const list = (await app.inject({ url: '/v1/sandbox/sms' })).json<{ items: unknown[] }>();
    expect(list.items).toEqual([
      expect.objectContaining({
        provider: 'smsru',
        to: '+79991234567',
        body: 'Привет',
        encoding: 'ucs2',
        segments: 1,
      }),
    ]);
    const missing = await app.inject({ url: '/v1/sandbox/sms/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', message: 'params.id: no sandbox sms "nope"' });
  });
});
