import { ChannelKind } from '@touchpoint/channels';
import { z } from 'zod';

/**
 * Input of the `sendMessage` activity. `idempotencyKey` comes from the workflow's node visit
 * (`<workflowId>:<enrollmentId>:<visit seq>:<nodeId>`), so an activity retry, a replay or a second worker after a
 * crash all land on the same outbox rows. `templateId` is the template key (or id) shared by the
 * per-channel variants; `channels` is the fallback order. `queueChannel` names the channel whose
 * task queue (`SEND_TASK_QUEUES`) runs this attempt: the activity then sends on that channel only and
 * answers `handOff` when the decision lands on another one, so every send obeys its own channel's
 * rate limit. Absent (histories recorded before it, test workflows) = send on whichever channel wins.
 */
export const SendMessageInput = z
  .object({
    idempotencyKey: z.string().min(1),
    /** The sending workflow, which a call task's outcome signals; absent in inputs recorded before it. */
    workflowId: z.string().min(1).optional(),
    enrollmentId: z.string().nullable().optional(),
    journeyId: z.string().nullable().optional(),
    journeyVersion: z.number().int().nullable().optional(),
    nodeId: z.string().min(1),
    clientId: z.string().min(1),
    channels: z.array(ChannelKind).min(1, 'a send needs at least one channel'),
    templateId: z.string().min(1),
    offer: z.record(z.string(), z.unknown()).optional(),
    quietHours: z.enum(['defer', 'skip']),
    queueChannel: ChannelKind.optional(),
  })
  .refine((input) => !input.queueChannel || input.channels.includes(input.queueChannel), {
    path: ['queueChannel'],
    message: 'queueChannel must be one of channels',
  });
export type SendMessageInput = z.infer<typeof SendMessageInput>;

/**
 * Result of `sendMessage`. `sent` names the channel that got through and the outbox row id;
 * `deferred` asks the workflow to sleep until `until` and call again with the same key; `skipped`
 * (caps, consent, quiet hours) and `unreachable` (no usable contact point, hard bounce on every
 * channel — the node's `unreachable` port) carry the reason shown in the client's timeline.
 * `handOff` (only with `queueChannel`) sent nothing: the visit's message must go out on `channel`, so
 * the workflow calls again, same key, on that channel's queue.
 */
export const SendMessageResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('sent'), channel: ChannelKind, messageId: z.string() }),
  z.object({ status: z.literal('deferred'), until: z.iso.datetime({ offset: true }) }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
  z.object({ status: z.literal('unreachable'), reason: z.string() }),
  z.object({ status: z.literal('handOff'), channel: ChannelKind }),
]);
export type SendMessageResult = z.infer<typeof SendMessageResult>;

/**
 * One activity task queue per channel, so each channel gets its own worker with its own
 * `maxActivitiesPerSecond` and a slow provider never holds up another channel.
 */
export const SEND_TASK_QUEUES = {
  email: 'email-sends',
  sms: 'sms-sends',
  call: 'call-sends',
  webhook: 'webhook-sends',
} as const satisfies Record<ChannelKind, string>;
