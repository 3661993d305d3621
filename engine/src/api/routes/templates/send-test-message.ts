import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, EmailMessage, SmsMessage } from '@touchpoint/channels';
import type { Database, TemplateRow } from '@touchpoint/db';
import { renderForChannel } from '@touchpoint/domain';
import { z } from 'zod';
import { ApiError, invalidFieldError } from '../../api-error';
import { loadVariables, previewTracking, toValidationError } from './render-preview';
import type { TestSendBody } from './template-body';

/** The adapters a test send goes through: the very ones journeys send with. */
export interface TestSendAdapters {
  email?: ChannelAdapter<EmailMessage> | undefined;
  sms?: ChannelAdapter<SmsMessage> | undefined;
}

/** What a test message carries so nobody mistakes it for a real one: in the subject / text and a header. */
export const TEST_MARK = '[TEST]';
export const TEST_HEADER = 'X-Touchpoint-Test';

const Address = { email: z.email(), sms: z.string().regex(/^\+[1-9]\d{6,14}$/) } as const;
const ADDRESS_HINT = { email: 'an email address', sms: 'an E.164 phone number like +79991234567' } as const;

function testableChannel(row: TemplateRow): 'email' | 'sms' {
  if (row.channel === 'email' || row.channel === 'sms') return row.channel;
  throw new ApiError(
    'conflict',
    `params.id: a ${row.channel} template cannot be sent as a test (email and SMS only); preview it instead`,
  );
}

async function renderTestMessage(row: TemplateRow, body: TestSendBody, db: Database, messageId: string) {
  const variables = await loadVariables(db, body);
  try {
    return await renderForChannel(row, variables, { messageId, to: body.to, tracking: previewTracking() });
  } catch (error) {
    throw toValidationError(error);
  }
}

/**
 * Renders the template as `POST …/preview` does and hands it to the channel's adapter, addressed to
 * `body.to`. Nothing is written: no outbox row, no message, no funnel action, so a test never counts
 * in a report or against a client's frequency cap, and its links are signed with a throwaway key, so
 * opening or clicking records nothing either. The provider's refusal is a 400 on `body.to`.
 */
export async function sendTestMessage(
  db: Database,
  row: TemplateRow,
  body: TestSendBody,
  adapters: TestSendAdapters,
) {
  const channel = testableChannel(row);
  if (!Address[channel].safeParse(body.to).success) {
    const message = `must be ${ADDRESS_HINT[channel]} for a ${channel} template`;
    throw invalidFieldError('body.to', message, 'invalid_format');
  }
  const adapter = adapters[channel];
  if (adapter === undefined) throw new ApiError('unavailable', `no ${channel} channel is configured here`);
  const messageId = `test-${randomUUID()}`;
  const rendered = await renderTestMessage(row, body, db, messageId);
  let outcome;
  if (rendered.channel === 'email' && channel === 'email') {
    const headers = { ...rendered.headers, [TEST_HEADER]: 'true' };
    outcome = await adapters.email!.send({
      ...rendered,
      subject: `${TEST_MARK} ${rendered.subject}`,
      headers,
    });
  } else if (rendered.channel === 'sms' && channel === 'sms') {
    outcome = await adapters.sms!.send({ ...rendered, body: `${TEST_MARK} ${rendered.body}` });
  } else throw new Error(`rendered ${rendered.channel} for a ${channel} template`);
  if (outcome.kind === 'rejected') {
    throw invalidFieldError('body.to', `the provider refused it: ${outcome.reason}`, 'provider_rejected');
  }
  if (outcome.kind === 'retry')
    throw new ApiError('unavailable', `the provider could not take it now: ${outcome.reason}`);
  return { channel, to: body.to, provider: adapter.provider, providerId: outcome.providerId, messageId };
}
