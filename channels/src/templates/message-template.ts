import { z } from 'zod';

/** An email template: Liquid over MJML for the body, Liquid for subject and (optional) text part. */
export const EmailTemplate = z.object({
  channel: z.literal('email'),
  id: z.string().min(1),
  subject: z.string().min(1),
  /** MJML source with Liquid tags; rendered to responsive HTML. */
  mjml: z.string().min(1),
  /** Plain-text part; derived from the HTML when absent. */
  text: z.string().optional(),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;

/** An SMS template: one Liquid body. */
export const SmsTemplate = z.object({
  channel: z.literal('sms'),
  id: z.string().min(1),
  body: z.string().min(1),
});
export type SmsTemplate = z.infer<typeof SmsTemplate>;

/** A call script for the operator, Liquid like the others. */
export const CallTemplate = z.object({
  channel: z.literal('call'),
  id: z.string().min(1),
  script: z.string(),
});
export type CallTemplate = z.infer<typeof CallTemplate>;

/** A webhook payload template: each string value is rendered with Liquid. */
export const WebhookTemplate = z.object({
  channel: z.literal('webhook'),
  id: z.string().min(1),
  url: z.url(),
  payload: z.record(z.string(), z.unknown()),
});
export type WebhookTemplate = z.infer<typeof WebhookTemplate>;

/** One template per channel variant; a `send` node names a template id, one per channel it may use. */
export const MessageTemplate = z.discriminatedUnion('channel', [
  EmailTemplate,
  SmsTemplate,
  CallTemplate,
  WebhookTemplate,
]);
export type MessageTemplate = z.infer<typeof MessageTemplate>;

/** What Liquid sees: `{{ client.firstName }}`, `{{ offer.discount }}`, `{{ journey.id }}`, `{{ links.unsubscribe }}`. */
export const TemplateVariables = z.object({
  client: z.record(z.string(), z.unknown()),
  offer: z.record(z.string(), z.unknown()).default({}),
  journey: z.record(z.string(), z.unknown()).default({}),
});
export type TemplateVariables = z.infer<typeof TemplateVariables>;
