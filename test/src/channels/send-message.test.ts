import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import type { SmsSandbox, SmtpSandbox } from '@touchpoint/channels/sandbox';
import { callTasks, clients, messages, type Database } from '@touchpoint/db';
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

let db: Database;
let smtp: SmtpSandbox;
let sms: SmsSandbox;
let adapters: SendWorld['adapters'];
// 12:00 in Moscow, outside quiet hours.
let now = new Date('2025-03-10T09:00:00Z');

useSendWorld((world) => ({ db, smtp, sms, adapters } = world));

const activities = () =>
  createSendActivities({ db, adapters, policy: TEST_POLICY, tracking: TRACKING, now: () => now });
const input = (
  clientId: string,
  key: string,
  overrides: Partial<SendMessageInput> = {},
): SendMessageInput => ({
  idempotencyKey: key,
  nodeId: 'send-1',
  clientId,
  channels: ['email', 'sms'],
  templateId: TEMPLATE_KEY,
  offer: { discount: 10 },
  quietHours: 'defer',
  ...overrides,
});
const mailTo = (address: string) => smtp.listMessages().filter((mail) => mail.to.includes(address));

describe('sendMessage', () => {
  it('sends once and answers a retry of the same node visit from the outbox', async () => {
    const client = await seedClient(db, { attributes: { firstName: 'Анна' } });
    const first = await activities().sendMessage(input(client.id, 'wf-a:1:send-1'));
    const second = await activities().sendMessage(input(client.id, 'wf-a:1:send-1'));
    expect(first).toMatchObject({ status: 'sent', channel: 'email' });
    expect(second).toEqual(first);
    const received = mailTo(client.email!);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      subject: 'Анна, 10% off',
      idempotencyKey: outboxKey('wf-a:1:send-1', 'email'),
    });
    expect(received[0]!.listUnsubscribe).toMatch(/https:\/\/touchpoint\.test\/t\/u\//);
    const [row] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey('wf-a:1:send-1', 'email')));
    expect(row!.statusTimeline.map((entry) => entry.status)).toEqual(['queued', 'sending', 'sent']);
    expect(row!.providerMessageId).toBe(received[0]!.messageId);
  });

  it('falls back to SMS on a hard bounce, flags the address, and goes straight to SMS next time', async () => {
    const client = await seedClient(db, { email: 'bounce-1@example.com', attributes: { firstName: 'Олег' } });
    const result = await activities().sendMessage(input(client.id, 'wf-b:1:send-1'));
    expect(result).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(sms.listMessages().filter((m) => m.body === 'Олег, скидка 10%')).toHaveLength(1);
    const [bounced] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey('wf-b:1:send-1', 'email')));
    expect(bounced).toMatchObject({ status: 'bounced' });
    expect(bounced!.statusTimeline.at(-1)?.detail).toMatch(/smtp 550/);
    now = new Date(now.getTime() + 2 * 86_400_000);
    const later = await activities().sendMessage(input(client.id, 'wf-b:2:send-2', { channels: ['email'] }));
    expect(later).toEqual({ status: 'unreachable', reason: 'email address hard-failed before' });
  });

  it('applies the SMS cap across two journeys and records the skip with its reason', async () => {
    const client = await seedClient(db);
    const fromA = await activities().sendMessage(
      input(client.id, 'journey-a:1:sms', { journeyVersion: 1, channels: ['sms'] }),
    );
    const fromB = await activities().sendMessage(
      input(client.id, 'journey-b:1:sms', { journeyVersion: 1, channels: ['sms'] }),
    );
    console.log(
      JSON.stringify(
        await db
          .select({
            s: messages.status,
            at: messages.sentAt,
            ch: messages.channel,
            k: messages.idempotencyKey,
          })
          .from(messages)
          .where(eq(messages.clientId, client.id)),
      ),
    );
    expect(fromA.status).toBe('sent');
    expect(fromB).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^channel-cap: sms cap 1 per 24h/),
    });
    const [skipped] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey('journey-b:1:sms', 'sms')));
    expect(skipped).toMatchObject({ status: 'skipped' });
  });

  it('defers during quiet hours in the client zone and sends when called again after the window', async () => {
    const client = await seedClient(db, { timeZone: 'Asia/Vladivostok' }); // UTC+10
    const saved = now;
    now = new Date('2025-03-12T12:30:00Z'); // 22:30 in Vladivostok
    const deferred = await activities().sendMessage(input(client.id, 'wf-q:1:send-1'));
    expect(deferred).toEqual({ status: 'deferred', until: '2025-03-12T23:00:00.000Z' });
    const skipped = await activities().sendMessage(input(client.id, 'wf-q:2:send-1', { quietHours: 'skip' }));
    expect(skipped).toMatchObject({
      status: 'skipped',
      reason: 'quiet-hours: quiet hours 21:00-09:00 in Asia/Vladivostok',
    });
    now = new Date('2025-03-12T23:00:00Z');
    expect(await activities().sendMessage(input(client.id, 'wf-q:1:send-1'))).toMatchObject({
      status: 'sent',
      channel: 'email',
    });
    now = saved;
  });

  it('stops later sends at once after an unsubscribe', async () => {
    const client = await seedClient(db);
    expect(
      (await activities().sendMessage(input(client.id, 'wf-u:1:send-1', { channels: ['email'] }))).status,
    ).toBe('sent');
    const at = new Date().toISOString();
    await db
      .update(clients)
      .set({
        consent: {
          ...client.consent,
          email: { status: 'denied', updatedAt: at, source: 'list-unsubscribe' },
        },
      })
      .where(eq(clients.id, client.id));
    const after = await activities().sendMessage(input(client.id, 'wf-u:2:send-2', { channels: ['email'] }));
    expect(after).toEqual({ status: 'skipped', reason: 'opted-out: email consent denied' });
    expect(mailTo(client.email!)).toHaveLength(1);
  });

  it('throws a retryable failure on a transient refusal and sends on the retry', async () => {
    const client = await seedClient(db, { email: 'tempfail-1@example.com' });
    const attempt = activities().sendMessage(input(client.id, 'wf-t:1:send-1', { channels: ['email'] }));
    await expect(attempt).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(attempt).rejects.toMatchObject({ type: 'TransientSendFailure', nonRetryable: false });
    await db.update(clients).set({ email: 'recovered@example.com' }).where(eq(clients.id, client.id));
    expect(
      (await activities().sendMessage(input(client.id, 'wf-t:1:send-1', { channels: ['email'] }))).status,
    ).toBe('sent');
    const [row] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey('wf-t:1:send-1', 'email')));
    expect(row!.statusTimeline.map((entry) => entry.detail ?? entry.status)).toEqual([
      'queued',
      'smtp',
      expect.stringMatching(/^transient: smtp 451/),
      'smtp',
      'email',
    ]);
  });

  it('creates one call task for a call send, however often it is retried', async () => {
    const client = await seedClient(db);
    const first = await activities().sendMessage(input(client.id, 'wf-c:1:call', { channels: ['call'] }));
    const again = await activities().sendMessage(input(client.id, 'wf-c:1:call', { channels: ['call'] }));
    expect(again).toEqual(first);
    const tasks = await db.select().from(callTasks).where(eq(callTasks.clientId, client.id));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.payload).toMatchObject({ script: 'Offer 10% to ', priority: 50 });
  });
});
