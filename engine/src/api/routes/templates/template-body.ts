import { ChannelKind } from '@touchpoint/language';
import { z } from 'zod';
import { ClientExternalId } from '../../input-bounds';

const key = z.string().min(1).max(200);
const name = z.string().min(1).max(500);
const body = z.string().min(1).max(200_000);

/** What a webhook template's `body` holds (JSON text): the target URL and a payload with Liquid strings. */
export const WebhookTemplateSpec = z.object({ url: z.url(), payload: z.record(z.string(), z.unknown()) });
export type WebhookTemplateSpec = z.infer<typeof WebhookTemplateSpec>;

const webhookBody = body.superRefine((text, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'a webhook template body is JSON: {"url", "payload"}' });
    return;
  }
  for (const issue of WebhookTemplateSpec.safeParse(parsed).error?.issues ?? []) {
    ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || 'body'}: ${issue.message}` });
  }
});

/**
 * A content template as written by the API, validated per channel: email needs a subject and an MJML or
 * HTML body; SMS and call scripts are plain Liquid text; a webhook body is JSON `{ url, payload }`.
 * Liquid and MJML are also checked by a trial render before the template is stored.
 */
export const TemplateBody = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('email'),
    key,
    name,
    format: z.enum(['mjml', 'html']).default('mjml'),
    subject: z.string().min(1).max(998),
    body,
  }),
  z.strictObject({ channel: z.literal('sms'), key, name, body: body.max(5_000) }),
  z.strictObject({ channel: z.literal('call'), key, name, body }),
  z.strictObject({ channel: z.literal('webhook'), key, name, body: webhookBody }),
]);
export type TemplateBody = z.infer<typeof TemplateBody>;

export const TemplateResponse = z.object({
  id: z.string(),
  key: z.string(),
  channel: ChannelKind,
  name: z.string(),
  format: z.enum(['mjml', 'html', 'text']),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/**
 * Sample data for a preview: a stored client (`clientId`, the external id) or an inline `client`
 * object, and an inline `offer` or a stored one (`offerId`). Without either, a built-in sample is used.
 */
export const PreviewBody = z
  .strictObject({
    clientId: ClientExternalId.optional(),
    client: z.record(z.string(), z.unknown()).optional(),
    offerId: z.uuid().optional(),
    offer: z.record(z.string(), z.unknown()).optional(),
    journey: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => !(b.clientId !== undefined && b.client !== undefined), {
    path: ['client'],
    message: 'give clientId or client, not both',
  })
  .refine((b) => !(b.offerId !== undefined && b.offer !== undefined), {
    path: ['offer'],
    message: 'give offerId or offer, not both',
  });
export type PreviewBody = z.infer<typeof PreviewBody>;

/** SMS segment count (providers bill per segment). */
export const SmsSegments = z.object({
  encoding: z.enum(['gsm7', 'ucs2']),
  units: z.number().int(),
  segments: z.number().int(),
  remaining: z.number().int(),
});

/** A rendered preview, per channel. Tracking links in it are signed with a throwaway key and never verify. */
export const PreviewResponse = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), subject: z.string(), html: z.string(), text: z.string() }),
  z.object({ channel: z.literal('sms'), text: z.string(), segments: SmsSegments }),
  z.object({ channel: z.literal('call'), text: z.string() }),
  z.object({ channel: z.literal('webhook'), url: z.string(), payload: z.record(z.string(), z.unknown()) }),
]);
export type PreviewResponse = z.infer<typeof PreviewResponse>;
