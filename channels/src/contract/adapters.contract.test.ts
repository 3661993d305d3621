import { describeChannelContract } from './channel-contract';
import { findClosedPort } from './closed-port';
import { createSmtpAdapter } from '../email/smtp-adapter';
import { createTwilioAdapter } from '../sms/twilio-adapter';
import { createSmsRuAdapter } from '../sms/smsru-adapter';
import { createWebhookAdapter } from '../webhook/webhook-adapter';
import { createCallCenterPushAdapter } from '../call-center/call-center-push-adapter';
import { startSmtpSandbox } from '../sandbox/smtp-sandbox';
import { startSmsSandbox } from '../sandbox/sms-sandbox';
import { startWebhookSink } from '../sandbox/webhook-sink';
import type { CallMessage, EmailMessage, SmsMessage, WebhookMessage } from '../outbound-message';

const email = (messageId: string, to: string): EmailMessage => ({
  channel: 'email',
  messageId,
  to,
  subject: 'Contract',
  html: '<p>Hello</p>',
  text: 'Hello',
  headers: {},
});
const sms = (messageId: string, to: string): SmsMessage => ({
  channel: 'sms',
  messageId,
  to,
  body: 'Привет',
});

describeChannelContract('smtp', async () => {
  const sandbox = await startSmtpSandbox();
  const config = {
    host: sandbox.host,
    ignoreTls: true,
    from: 'Touchpoint <news@touchpoint.test>',
    messageIdDomain: 'touchpoint.test',
  };
  return {
    adapter: createSmtpAdapter({ ...config, port: sandbox.port }),
    offlineAdapter: createSmtpAdapter({ ...config, port: await findClosedPort() }),
    deliverable: (id) => email(id, `client-${id}@example.com`),
    undeliverable: (id) => email(id, 'bounce@example.com'),
    transient: (id) => email(id, 'tempfail@example.com'),
    receivedIds: () => sandbox.listMessages().map((mail) => mail.messageId ?? ''),
    stop: () => sandbox.stop(),
  };
});

describeChannelContract('twilio', async () => {
  const credentials = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'contract-token' };
  const sandbox = await startSmsSandbox({ twilio: credentials });
  const config = { ...credentials, from: '+15005550006' };
  return {
    adapter: createTwilioAdapter({ ...config, baseUrl: sandbox.baseUrl }),
    offlineAdapter: createTwilioAdapter({ ...config, baseUrl: `http://127.0.0.1:${await findClosedPort()}` }),
    deliverable: (id) => sms(id, '+79991234567'),
    undeliverable: (id) => sms(id, '+79990000000'),
    transient: (id) => sms(id, '+79999999999'),
    receivedIds: () => sandbox.listMessages().map((message) => message.providerId),
    stop: () => sandbox.stop(),
  };
});

describeChannelContract('smsru', async () => {
  const sandbox = await startSmsSandbox({ smsRuApiId: 'contract-api-id' });
  return {
    adapter: createSmsRuAdapter({ apiId: 'contract-api-id', baseUrl: sandbox.baseUrl }),
    offlineAdapter: createSmsRuAdapter({
      apiId: 'contract-api-id',
      baseUrl: `http://127.0.0.1:${await findClosedPort()}`,
    }),
    deliverable: (id) => sms(id, '+79991234567'),
    undeliverable: (id) => sms(id, '+79990000000'),
    transient: (id) => sms(id, '+79999999999'),
    receivedIds: () => sandbox.listMessages().map((message) => message.providerId),
    stop: () => sandbox.stop(),
  };
});

describeChannelContract('webhook', async () => {
  const sink = await startWebhookSink();
  const offline = `http://127.0.0.1:${await findClosedPort()}`;
  const hook = (messageId: string, url: string): WebhookMessage => ({
    channel: 'webhook',
    messageId,
    url,
    payload: { event: 'x' },
  });
  const config = { secret: 'contract-secret', allowPrivateTargets: true };
  return {
    adapter: createWebhookAdapter(config),
    offlineAdapter: createWebhookAdapter(config),
    deliverable: (id) => hook(id, id === 'contract-4' ? `${offline}/hooks` : `${sink.baseUrl}/hooks`),
    undeliverable: (id) => hook(id, `${sink.baseUrl}/reject`),
    transient: (id) => hook(id, `${sink.baseUrl}/tempfail`),
    receivedIds: () => sink.listMessages().map((request) => request.id),
    stop: () => sink.stop(),
  };
});

describeChannelContract('call-center push', async () => {
  const sink = await startWebhookSink();
  const task = (messageId: string, phone: string): CallMessage => ({
    channel: 'call',
    messageId,
    taskId: `task-${messageId}`,
    phone,
    priority: 1,
    dueAt: '2025-01-01T10:00:00.000Z',
    script: 'Offer the renewal',
    context: {},
  });
  // The push target is fixed per adapter, so the refusing cases use adapters aimed at refusing paths.
  const config = { secret: 'contract-secret', allowPrivateTargets: true };
  const adapters = {
    ok: createCallCenterPushAdapter({ ...config, url: `${sink.baseUrl}/tasks` }),
    reject: createCallCenterPushAdapter({ ...config, url: `${sink.baseUrl}/reject` }),
    tempfail: createCallCenterPushAdapter({ ...config, url: `${sink.baseUrl}/tempfail` }),
  };
  const routed = {
    ...adapters.ok,
    send: (message: CallMessage) =>
      (message.phone === 'reject'
        ? adapters.reject
        : message.phone === 'tempfail'
          ? adapters.tempfail
          : adapters.ok
      ).send(message),
  };
  return {
    adapter: routed,
    offlineAdapter: createCallCenterPushAdapter({
      ...config,
      url: `http://127.0.0.1:${await findClosedPort()}/tasks`,
    }),
    deliverable: (id) => task(id, '+79991234567'),
    undeliverable: (id) => task(id, 'reject'),
    transient: (id) => task(id, 'tempfail'),
    receivedIds: () => sink.listMessages().map((request) => request.id),
    stop: () => sink.stop(),
  };
});
