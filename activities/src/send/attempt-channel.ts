import type { ApplicationFailure } from '@temporalio/common';
import { BlockedTargetError, TemplateRenderError } from '@touchpoint/channels';
import type { ChannelKind, OutboundMessage, SendOutcome } from '@touchpoint/channels';
import type { ClientRow, MessageContent, MessageRow } from '@touchpoint/db';
import {
  buildVariables,
  createCallTask,
  findTemplate,
  renderForChannel,
  contactPointOf,
  loadOfferVariables,
  OfferNotFoundError,
  claimOutboxRow,
  ACCEPTED_STATUSES,
  outboxKey,
  recordStatus,
} from '@touchpoint/domain';
import { providerOf, type SendActivityDeps } from './send-activity-deps';
import type { SendMessageInput, SendMessageResult } from './send-message-contract';
import { visitOrigin } from './visit-origin';
import { activityFailure } from '../activity-failures';

/**
 * One channel's attempt: outbox row first (queued), `sending` while the provider has it, then the
 * result. The caller holds the visit's lease, so no other attempt runs at the same time. Returns the
 * `sent` result, or null after a permanent refusal (row `bounced`, caller falls back); throws on
 * transient faults so Temporal retries.
 */
export async function attemptChannel(
  deps: SendActivityDeps,
  client: ClientRow,
  input: SendMessageInput,
  channel: ChannelKind,
): Promise<SendMessageResult | null> {
  const template = await findTemplate(deps.db, input.templateId, channel);
  if (!template) {
    throw activityFailure(
      'TemplateNotFound',
      `sendMessage: template ${input.templateId} has no ${channel} variant`,
    );
  }
  const key = outboxKey(input.idempotencyKey, channel);
  const to = contactPointOf(client, channel) ?? '';
  const offer = await loadSendOffer(deps, input);
  const row = await claimOutboxRow(
    deps.db,
    {
      idempotencyKey: key,
      ...visitOrigin(client, input),
      channel,
      templateId: template.id,
      content: { to, ...(input.offer ? { offer: input.offer } : {}) },
    },
    'queued',
  );
  if ((ACCEPTED_STATUSES as readonly string[]).includes(row.status))
    return { status: 'sent', channel, messageId: row.id };
  const rendered = await renderForChannel(template, buildVariables(client, input, offer), {
    messageId: key,
    to,
    tracking: deps.tracking,
  }).catch((error: unknown) => failRender(deps, row, error));
  const content: MessageContent = {
    to,
    ...(input.offer ? { offer: input.offer } : {}),
    ...contentOf(rendered),
  };
  // A lease lost on the way (its connection dropped) may already be another attempt's: stop here.
  if (deps.leaseLost?.aborted) throw leaseLostFailure(key);
  // From here until the answer is recorded the outcome lives only at the provider: a crash in
  // between leaves `sending`, which the next attempt settles by asking the provider.
  // The content goes in now: an interrupted attempt is looked up by what it handed over.
  await recordStatus(deps.db, row.id, 'sending', {
    detail: providerOf(deps, channel),
    content,
    at: deps.now(),
  });
  const outcome = await (
    rendered.channel === 'call'
      ? pushCallTask(deps, client, input, row, key, to, rendered.script, offer)
      : sendThroughAdapter(deps, rendered)
  ).catch((error: unknown) => failBlockedTarget(deps, row.id, content, error));
  switch (outcome.kind) {
    case 'sent':
      await recordStatus(deps.db, row.id, 'sent', {
        providerMessageId: outcome.providerId,
        content,
        detail: channel,
        at: deps.now(),
      });
      return { status: 'sent', channel, messageId: row.id };
    case 'rejected':
      await recordStatus(deps.db, row.id, 'bounced', { detail: outcome.reason, content, at: deps.now() });
      return null;
    case 'retry': {
      // A lost answer keeps the row `sending`: the provider may have the message, so the next
      // attempt asks before it sends again.
      await recordStatus(deps.db, row.id, outcome.answerLost ? 'sending' : 'queued', {
        detail: `${outcome.answerLost ? 'no answer' : 'transient'}: ${outcome.reason}`,
        at: deps.now(),
      });
      // Measured on the activity's clock, which a simulated run sets to its virtual time.
      const delay = outcome.after ? Math.max(0, Date.parse(outcome.after) - deps.now().getTime()) : undefined;
      throw activityFailure('TransientSendFailure', outcome.reason, { nextRetryDelay: delay });
    }
    default: {
      const unhandled: never = outcome;
      throw new Error(`unknown send outcome ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * A template that does not render for this client renders the same way on every retry: the message
 * is `failed` with the renderer's words and the run fails for good (its enrollment ends `failed`)
 * instead of retrying forever.
 */
async function failRender(deps: SendActivityDeps, row: MessageRow, error: unknown): Promise<never> {
  if (!(error instanceof TemplateRenderError || error instanceof SyntaxError)) throw error;
  await recordStatus(deps.db, row.id, 'failed', { detail: error.message, at: deps.now() });
  throw activityFailure('TemplateRenderFailed', `sendMessage: ${error.message}`);
}

/**
 * The address guard refused the target (a webhook or call-center URL on a private or loopback
 * address while WEBHOOK_ALLOW_PRIVATE is off): nothing left this host, and no retry or fallback can
 * change that, so the row fails with the reason and the send fails for good. Unlike a receiver's
 * refusal it flags no contact point: the fault is the template's URL, not the client.
 */
async function failBlockedTarget(
  deps: SendActivityDeps,
  rowId: string,
  content: MessageContent,
  error: unknown,
): Promise<never> {
  if (!(error instanceof BlockedTargetError)) throw error;
  await recordStatus(deps.db, rowId, 'failed', { detail: error.message, content, at: deps.now() });
  throw activityFailure('WebhookTargetBlocked', `sendMessage: ${error.message}`);
}

/** The send's offer as its template sees it; an offer deleted since publishing fails the send for good. */
async function loadSendOffer(deps: SendActivityDeps, input: SendMessageInput) {
  try {
    return await loadOfferVariables(deps.db, input.offer);
  } catch (error) {
    if (!(error instanceof OfferNotFoundError)) throw error;
    throw activityFailure('OfferNotFound', `sendMessage: ${error.message}`);
  }
}

function leaseLostFailure(key: string): ApplicationFailure {
  return activityFailure(
    'SendLeaseLost',
    `send ${key}: the visit's lease was lost before the provider was called; retrying`,
  );
}

function contentOf(
  rendered: Exclude<OutboundMessage, { channel: 'call' }> | { channel: 'call'; script: string },
): MessageContent {
  switch (rendered.channel) {
    case 'email':
      return { subject: rendered.subject, text: rendered.text, html: rendered.html };
    case 'sms':
      return { text: rendered.body };
    case 'webhook':
      return { text: JSON.stringify(rendered.payload) };
    case 'call':
      return { text: rendered.script };
    default: {
      const unhandled: never = rendered;
      throw new Error(`unknown channel ${JSON.stringify(unhandled)}`);
    }
  }
}

async function sendThroughAdapter(
  deps: SendActivityDeps,
  message: Exclude<OutboundMessage, { channel: 'call' }>,
): Promise<SendOutcome> {
  const adapter = deps.adapters[message.channel] as
    { send(m: typeof message): Promise<SendOutcome> } | undefined;
  if (!adapter)
    throw activityFailure('ChannelNotConfigured', `sendMessage: no ${message.channel} adapter is configured`);
  return adapter.send(message);
}

/** A call "send" is a task row (idempotent by the outbox key), optionally pushed to an external system. */
async function pushCallTask(
  deps: SendActivityDeps,
  client: ClientRow,
  input: SendMessageInput,
  row: MessageRow,
  key: string,
  phone: string,
  script: string,
  offer: Record<string, unknown>,
): Promise<SendOutcome> {
  const dueAt = deps.now().toISOString();
  const { taskId } = await createCallTask(deps.db, {
    idempotencyKey: key,
    ...visitOrigin(client, input),
    // Inputs recorded before `workflowId` was passed carry it only as the key's `<workflowId>:<seq>:<node>` head.
    workflowId: input.workflowId ?? (input.idempotencyKey.split(':').slice(0, -2).join(':') || null),
    dueAt,
    script,
    offer: input.offer,
    messageId: row.id,
  });
  if (!deps.adapters.call) return { kind: 'sent', providerId: taskId };
  const pushed = await deps.adapters.call.send({
    channel: 'call',
    messageId: key,
    taskId,
    phone,
    priority: 50,
    dueAt,
    script,
    context: { offer },
  });
  return pushed.kind === 'sent' ? { kind: 'sent', providerId: taskId } : pushed;
}
