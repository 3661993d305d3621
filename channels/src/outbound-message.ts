import { z } from 'zod';

/**
 * A rendered email. `messageId` is the send's idempotency key; the SMTP adapter uses it as the
 * Message-ID header so a re-sent copy after a crash is recognisably the same message.
 */
export const EmailMessage = z.object({
  channel: z.literal('email'),
  messageId: z.string().min(1),
  to: z.email(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
});
export type EmailMessage = z.infer<typeof EmailMessage>;

/** A rendered SMS; `to` is an E.164 phone number. */
export const SmsMessage = z.object({
  channel: z.literal('sms'),
  messageId: z.string().min(1),
  to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'to must be an E.164 phone number like +79991234567'),
  body: z.string().min(1),
});
export type SmsMessage = z.infer<typeof SmsMessage>;

/** A call-center task pushed to an external call-center system (tasks themselves are rows). */
export const CallMessage = z.object({
  channel: z.literal('call'),
  messageId: z.string().min(1),
  taskId: z.string().min(1),
  phone: z.string().min(1),
  priority: z.number().int(),
  dueAt: z.iso.datetime({ offset: true }),
  script: z.string(),
  context: z.record(z.string(), z.unknown()).default({}),
});
export type CallMessage = z.infer<typeof CallMessage>;

/** A JSON payload POSTed to a configured URL. */
export const WebhookMessage = z.object({
  channel: z.literal('webhook'),
  messageId: z.string().min(1),
  url: z.url(),
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookMessage = z.infer<typeof WebhookMessage>;

/** What an adapter is asked to deliver: already rendered, addressed, and keyed for idempotency. */
export const OutboundMessage = z.discriminatedUnion('channel', [
  EmailMessage,
  SmsMessage,
  CallMessage,
  WebhookMessage,
]);
export type OutboundMessage = z.infer<typeof OutboundMessage>;
