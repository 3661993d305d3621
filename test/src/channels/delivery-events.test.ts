import { describe, expect, it } from 'vitest';
import { createSendActivities } from '@touchpoint/activities/send/index';
import { findTrackedMessage, outboxKey, recordDeliveryReceipt, recordTrackingHit } from '@touchpoint/domain';
import { completeCallTask, CallTaskError } from '@touchpoint/domain';
import { parseTwilioStatusCallback, verifyTrackingToken } from '@touchpoint/channels';
import { type SmsSandbox, type SmtpSandbox } from '@touchpoint/channels/sandbox';
import { callTasks, funnelActions, messages, type Database } from '@touchpoint/db';
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
const now = () => new Date('2025-03-10T09:00:00Z');

useSendWorld((world) => ({ db, smtp, sms, adapters } = world));

const activities = () => createSendActivities({ db, adapters, policy: TEST_POLICY, tracking: TRACKING, now });
const send = (clientId: string, key: string, channels: ('email' | 'sms' | 'call')[]) =>
  activities().sendMessage({
    idempotencyKey: key,
    nodeId: 'n1',
    clientId,
    channels,
    templateId: TEMPLATE_KEY,
    quietHours: 'skip',
  });

describe('delivery events', () => {
  it('turns the click link a client really received into a clicked message and a click funnel action', async () => {
    const client = await seedClient(db);
    await send(client.id, 'wf-click:1:n1', ['email']);
    const mail = smtp.listMessages().find((m) => m.to.includes(client.email!))!;
    const token = /https:\/\/touchpoint\.test\/t\/c\/([^"]+)"/.exec(mail.html!)![1]!;
    const hit = verifyTrackingToken(token, TRACKING.secret)!;
    expect(hit).toMatchObject({ action: 'click', url: 'https://shop.example.com' });
    const tracked = (await findTrackedMessage(db, hit.messageId))!;
    expect(await recordTrackingHit(db, tracked, hit, now())).toMatchObject({ isNew: true });
    // The same link again is the same event: one status change, one funnel action.
    expect(await recordTrackingHit(db, tracked, hit, now())).toMatchObject({ isNew: false });
    const [row] = await db
      .select()
      .from(messages)
      .where(eq(messages.idempotencyKey, outboxKey('wf-click:1:n1', 'email')));
    expect(row!.status).toBe('clicked');
    const actions = await db.select().from(funnelActions).where(eq(funnelActions.clientId, client.id));
    expect(actions.map((action) => action.type)).toEqual(['click']);
  });

  it('marks an SMS bounced on a permanent Twilio receipt, so the next send skips that number', async () => {
    const client = await seedClient(db, { email: null });
    const sent = await send(client.id, 'wf-dlr:1:n1', ['sms']);
    expect(sent).toMatchObject({ status: 'sent', channel: 'sms' });
    const providerId = sms.listMessages().at(-1)!.providerId;
    const receipt = parseTwilioStatusCallback({
      MessageSid: providerId,
      MessageStatus: 'undelivered',
      ErrorCode: '30005',
    });
    expect(await recordDeliveryReceipt(db, receipt)).toBe(true);
    const [row] = await db.select().from(messages).where(eq(messages.providerMessageId, providerId));
    expect(row!.status).toBe('bounced');
    const later = await activities().sendMessage({
      idempotencyKey: 'wf-dlr:2:n2',
      nodeId: 'n2',
      clientId: client.id,
      channels: ['sms'],
      templateId: TEMPLATE_KEY,
      quietHours: 'skip',
    });
    expect(later).toMatchObject({ status: 'unreachable' });
  });

  it('completes a call task once: a funnel action and the event for the waiting journey', async () => {
    const client = await seedClient(db);
    await send(client.id, 'journey:j:client:c1:1:call', ['call']);
    const [task] = await db.select().from(callTasks).where(eq(callTasks.clientId, client.id));
    const result = await completeCallTask(db, {
      taskId: task!.id,
      outcome: 'meetingBooked',
      note: 'Tuesday 10:00',
    });
    expect(result).toMatchObject({
      workflowId: 'journey:j:client:c1',
      isFirstCompletion: true,
      funnelAction: { type: 'meeting', sourceKey: `call:${task!.id}` },
      event: {
        eventId: `call:${task!.id}`,
        type: 'call.meetingBooked',
        nodeId: 'n1',
        properties: { outcome: 'meetingBooked', note: 'Tuesday 10:00' },
      },
    });
    expect(
      (await completeCallTask(db, { taskId: task!.id, outcome: 'meetingBooked' })).isFirstCompletion,
    ).toBe(false);
    await expect(completeCallTask(db, { taskId: task!.id, outcome: 'refused' })).rejects.toBeInstanceOf(
      CallTaskError,
    );
    const actions = await db.select().from(funnelActions).where(eq(funnelActions.clientId, client.id));
    expect(actions.map((action) => action.type)).toEqual(['meeting']);
  });
});
