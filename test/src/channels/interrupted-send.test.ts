import { beforeEach, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { createSmtpAdapter, type ChannelAdapter, type EmailMessage } from '@touchpoint/channels';
import { startSmtpSandbox, type SmsSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox';
import { clients, messages, type Database } from '@touchpoint/db';
import { createSendActivities, type SendMessageInput } from '@touchpoint/activities/send/index';
import { outboxKey } from '@touchpoint/domain';
import { eq } from 'drizzle-orm';
import {
  useSendWorld,
  type SendWorld,
  seedClient,
  TEMPLATE_KEY,
  TEST_POLICY,
  TRACKING,
} from './send-fixtures';
import { PATIENCE_MS } from '../harness/patience';

// A worker that dies mid-send is simulated by an attempt that throws at the point of death: after the
// real relay accepted the mail (its answer never recorded), or before the mail left. The retry then
// runs with the ordinary adapter, as a fresh worker would.

let db: Database;
let smtp: SmtpSandbox;
let sms: SmsSandbox;
let adapters: SendWorld['adapters'];
// 12:00 in Moscow (the test clients' zone); quiet hours are 21:00-09:00 there.
const NOON = new Date('2025-03-10T09:00:00Z');
const LATE_EVENING = new Date('2025-03-10T19:00:00Z');
let now = NOON;

useSendWorld((world) => ({ db, smtp, sms, adapters } = world));

beforeEach(() => {
  now = NOON;
});

const activitiesWith = (email: ChannelAdapter<EmailMessage>) =>
  createSendActivities({
    db,
    adapters: { ...adapters, email },
    policy: TEST_POLICY,
    tracking: TRACKING,
    now: () => now,
  });
const input = (
  clientId: string,
  key: string,
  overrides: Partial<SendMessageInput> = {},
): SendMessageInput => ({
  idempotencyKey: key,
  nodeId: 'send-1',
  clientId,
  channels: ['email'],
  templateId: TEMPLATE_KEY,
  quietHours: 'skip',
  ...overrides,
});
const copiesOf = (key: string) =>
  smtp.listMessages().filter((mail) => mail.idempotencyKey === outboxKey(key, 'email'));

/** The real adapter, but the worker "dies" right after (or right before) the relay's answer. */
function dyingAdapter(moment: 'afterAccepted' | 'beforeSending'): ChannelAdapter<EmailMessage> {
  return {
    ...adapters.email,
    async send(message) {
      if (moment === 'afterAccepted') await adapters.email.send(message);
      throw new Error(`worker killed ${moment}`);
    },
  };
}

async function timelineOf(key: string): Promise<string[]> {
  const [row] = await db
    .select()
    .from(messages)
    .where(eq(messages.idempotencyKey, outboxKey(key, 'email')));
  return row!.statusTimeline.map((entry) => `${entry.status}${entry.detail ? `: ${entry.detail}` : ''}`);
}

describe('a send interrupted while the provider had it', () => {
  it('is confirmed by the relay and not sent again when the relay had accepted it', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-a:1:send-1';
    await expect(
      activitiesWith(dyingAdapter('afterAccepted')).sendMessage(input(client.id, key)),
    ).rejects.toThrow('worker killed afterAccepted');
    expect(copiesOf(key)).toHaveLength(1);
    const retried = await activitiesWith(adapters.email).sendMessage(input(client.id, key));
    expect(retried).toMatchObject({ status: 'sent', channel: 'email' });
    expect(copiesOf(key)).toHaveLength(1);
    expect(await timelineOf(key)).toEqual([
      'queued',
      'sending: smtp',
      'sent: email; confirmed by smtp after an interrupted attempt',
    ]);
  });

  it('is sent exactly once when the attempt died before the relay accepted it', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-b:1:send-1';
    await expect(
      activitiesWith(dyingAdapter('beforeSending')).sendMessage(input(client.id, key)),
    ).rejects.toThrow();
    expect(copiesOf(key)).toHaveLength(0);
    expect(await activitiesWith(adapters.email).sendMessage(input(client.id, key))).toMatchObject({
      status: 'sent',
    });
    expect(copiesOf(key)).toHaveLength(1);
    expect(await timelineOf(key)).toEqual([
      'queued',
      'sending: smtp',
      'queued: an interrupted attempt never reached smtp; sending again',
      'sending: smtp',
      'sent: email',
    ]);
  });

  it('is sent again, and says so, when the relay cannot be asked', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-c:1:send-1';
    const blind = createSmtpAdapter({
      host: smtp.host,
      port: smtp.port,
      ignoreTls: true,
      from: 'Touchpoint <news@touchpoint.test>',
      messageIdDomain: 'touchpoint.test',
    });
    try {
      await expect(
        activitiesWith(dyingAdapter('afterAccepted')).sendMessage(input(client.id, key)),
      ).rejects.toThrow();
      expect(await activitiesWith(blind).sendMessage(input(client.id, key))).toMatchObject({
        status: 'sent',
      });
      // Same Message-ID twice: at least once is the best a relay without an API allows.
      expect(copiesOf(key)).toHaveLength(2);
      expect((await timelineOf(key))[2]).toMatch(/cannot be asked whether it accepted it; sending again/);
    } finally {
      await blind.close();
    }
  });

  it('waits, sending nothing, while the relay cannot be asked', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-d:1:send-1';
    await expect(
      activitiesWith(dyingAdapter('beforeSending')).sendMessage(input(client.id, key)),
    ).rejects.toThrow();
    const unreachableApi = createSmtpAdapter({
      host: smtp.host,
      port: smtp.port,
      ignoreTls: true,
      from: 'Touchpoint <news@touchpoint.test>',
      messageIdDomain: 'touchpoint.test',
      apiUrl: 'http://127.0.0.1:9', // discard port: nothing listens
    });
    try {
      const attempt = activitiesWith(unreachableApi).sendMessage(input(client.id, key));
      await expect(attempt).rejects.toBeInstanceOf(ApplicationFailure);
      await expect(attempt).rejects.toMatchObject({ type: 'ProviderLookupFailed', nonRetryable: false });
      expect(copiesOf(key)).toHaveLength(0);
      expect((await timelineOf(key)).at(-1)).toBe('sending: smtp');
    } finally {
      await unreachableApi.close();
    }
  });

  it('never overlaps two attempts of one send: the second retries while the first holds the visit', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-e:1:send-1';
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const slow: ChannelAdapter<EmailMessage> = {
      ...adapters.email,
      async send(message) {
        await gate;
        return adapters.email.send(message);
      },
    };
    const first = activitiesWith(slow).sendMessage(input(client.id, key));
    await expect.poll(async () => (await timelineOf(key).catch(() => [])).at(-1)).toBe('sending: smtp');
    const second = activitiesWith(adapters.email).sendMessage(input(client.id, key));
    await expect(second).rejects.toMatchObject({ type: 'SendInProgress', nonRetryable: false });
    letGo();
    expect(await first).toMatchObject({ status: 'sent' });
    expect(await activitiesWith(adapters.email).sendMessage(input(client.id, key))).toEqual(await first);
    expect(copiesOf(key)).toHaveLength(1);
  });
  it('is confirmed, not deferred, when quiet hours began before the retry', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-f:1:send-1';
    const send = input(client.id, key, { quietHours: 'defer' });
    await expect(activitiesWith(dyingAdapter('afterAccepted')).sendMessage(send)).rejects.toThrow();
    now = LATE_EVENING;
    expect(await activitiesWith(adapters.email).sendMessage(send)).toMatchObject({ status: 'sent' });
    expect(copiesOf(key)).toHaveLength(1);
    expect((await timelineOf(key)).at(-1)).toBe(
      'sent: email; confirmed by smtp after an interrupted attempt',
    );
  });

  it('is confirmed, and no SMS goes out, when the retry would now choose SMS', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-g:1:send-1';
    const send = input(client.id, key, { channels: ['email', 'sms'] });
    await expect(activitiesWith(dyingAdapter('afterAccepted')).sendMessage(send)).rejects.toThrow();
    const at = new Date().toISOString();
    await db
      .update(clients)
      .set({ consent: { ...client.consent, email: { status: 'denied', updatedAt: at } } })
      .where(eq(clients.id, client.id));
    const texts = sms.listMessages().length;
    expect(await activitiesWith(adapters.email).sendMessage(send)).toMatchObject({
      status: 'sent',
      channel: 'email',
    });
    expect(copiesOf(key)).toHaveLength(1);
    expect(sms.listMessages()).toHaveLength(texts);
  });

  it('asks the relay, rather than resending, when the relay accepted but its answer never came', async () => {
    const slowRelay = await startSmtpSandbox({ replyDelayMs: 1_500 });
    const impatient = createSmtpAdapter({
      host: slowRelay.host,
      port: slowRelay.port,
      ignoreTls: true,
      from: 'Touchpoint <news@touchpoint.test>',
      messageIdDomain: 'touchpoint.test',
      apiUrl: slowRelay.apiUrl,
      timeoutMs: 300,
    });
    try {
      const client = await seedClient(db);
      const key = 'wf-int-h:1:send-1';
      const attempt = activitiesWith(impatient).sendMessage(input(client.id, key));
      await expect(attempt).rejects.toMatchObject({ type: 'TransientSendFailure', nonRetryable: false });
      await slowRelay.waitForCount(1, PATIENCE_MS);
      expect((await timelineOf(key)).at(-1)).toMatch(/^sending: no answer: smtp /);
      expect(await activitiesWith(impatient).sendMessage(input(client.id, key))).toMatchObject({
        status: 'sent',
      });
      expect(slowRelay.listMessages()).toHaveLength(1);
    } finally {
      await impatient.close();
      await slowRelay.stop();
    }
  });
  it('is confirmed by Twilio, searched by number and text, when a text was accepted before the kill', async () => {
    const client = await seedClient(db);
    const key = 'wf-int-i:1:send-1';
    const send = input(client.id, key, { channels: ['sms'] });
    const dyingSms: typeof adapters.sms = {
      ...adapters.sms,
      async send(message) {
        await adapters.sms.send(message);
        throw new Error('worker killed afterAccepted');
      },
    };
    const texts = () => sms.listMessages().filter((text) => text.to === client.phone).length;
    const before = texts();
    await expect(
      createSendActivities({
        db,
        adapters: { ...adapters, sms: dyingSms },
        policy: TEST_POLICY,
        tracking: TRACKING,
        now: () => now,
      }).sendMessage(send),
    ).rejects.toThrow('worker killed afterAccepted');
    expect(texts()).toBe(before + 1);
    expect(await activitiesWith(adapters.email).sendMessage(send)).toMatchObject({
      status: 'sent',
      channel: 'sms',
    });
    expect(texts()).toBe(before + 1);
    const [row] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey(key, 'sms')));
    expect(row!.statusTimeline.at(-1)?.detail).toBe('sms; confirmed by twilio after an interrupted attempt');
  });
});
