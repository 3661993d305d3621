import { ChannelKind } from '@touchpoint/language';
import { z } from 'zod';
import { ClientExternalId } from '../../input-bounds';

const key = z.string().min(1).max(200).describe('your key of the template, unique per channel');
const name = z.string().min(1).max(500).describe("the template's name, for people");
const body = z.string().min(1).max(200_000);
const channelOf = <Channel extends string>(channel: Channel) =>
  z.literal(channel).describe('the channel the template is for');

/** What a webhook template's `body` holds (JSON text): the target URL and a payload with Liquid strings. */
export const WebhookTemplateSpec = z.object({
  url: z.url().describe('where the webhook posts'),
  payload: z.record(z.string(), z.unknown()).describe('the JSON it posts; strings may hold Liquid'),
});
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
  z
    .strictObject({
      channel: channelOf('email'),
      key,
      name,
      format: z.enum(['mjml', 'html']).default('mjml').describe('what `body` is written in (default mjml)'),
      subject: z.string().min(1).max(998).describe('the subject line (Liquid)'),
      body: body.describe('the mail, in MJML or HTML with Liquid'),
    })
    .describe('an email template'),
  z
    .strictObject({
      channel: channelOf('sms'),
      key,
      name,
      body: body.max(5_000).describe('the text (Liquid), at most 5,000 characters'),
    })
    .describe('an SMS template'),
  z
    .strictObject({
      channel: channelOf('call'),
      key,
      name,
      body: body.describe("the operator's script (Liquid)"),
    })
    .describe('a call script'),
  z
    .strictObject({
      channel: channelOf('webhook'),
      key,
      name,
      body: webhookBody.describe('JSON text `{ "url", "payload" }`; payload strings may hold Liquid'),
    })
    .describe('a webhook template'),
]);
export type TemplateBody = z.infer<typeof TemplateBody>;

export const TemplateResponse = z
  .object({
    id: z.string().describe("Touchpoint's id of the template"),
    key: z.string().describe('your key of the template, unique per channel'),
    channel: ChannelKind.describe('the channel it is for'),
    name: z.string().describe("the template's name"),
    format: z.enum(['mjml', 'html', 'text']).describe('what `body` is written in'),
    subject: z.string().nullable().describe('the subject line of an email; null for other channels'),
    body: z.string().describe('the content, with Liquid'),
    createdAt: z.date().describe('when it was created'),
    updatedAt: z.date().describe('when it last changed'),
  })
  .describe('a content template');

/** The sample-data fields of a preview, shared by the draft preview and the test send. */
const previewFields = {
  clientId: ClientExternalId.optional().describe('preview with this stored client (needs clients:read)'),
  client: z.record(z.string(), z.unknown()).optional().describe('or with these client fields, inline'),
  offerId: z.uuid().optional().describe('preview with this stored offer'),
  offer: z.record(z.string(), z.unknown()).optional().describe('or with these offer fields, inline'),
  journey: z.record(z.string(), z.unknown()).optional().describe('the `journey` variables templates see'),
};

/** Refuses a stored and an inline client (or offer) together: which one would the message show? */
function oneSourceEach<
  T extends z.ZodType<{ clientId?: unknown; client?: unknown; offerId?: unknown; offer?: unknown }>,
>(schema: T) {
  return schema
    .refine((b) => !(b.clientId !== undefined && b.client !== undefined), {
      path: ['client'],
      message: 'give clientId or client, not both',
    })
    .refine((b) => !(b.offerId !== undefined && b.offer !== undefined), {
      path: ['offer'],
      message: 'give offerId or offer, not both',
    });
}

/**
 * Sample data for a preview: a stored client (`clientId`, the external id) or an inline `client`
 * object, and an inline `offer` or a stored one (`offerId`). Without either, a built-in sample is used.
 */
export const PreviewBody = oneSourceEach(z.strictObject(previewFields)).describe(
  'sample data for the preview; a built-in sample stands in for what is left out',
);
export type PreviewBody = z.infer<typeof PreviewBody>;

/** SMS segment count (providers bill per segment). */
export const SmsSegments = z
  .object({
    encoding: z
      .enum(['gsm7', 'ucs2'])
      .describe('gsm7 for plain Latin text, ucs2 once any other character is in'),
    units: z.number().int().describe('characters as the encoding counts them'),
    segments: z.number().int().describe('SMS the text is billed as'),
    remaining: z.number().int().describe('characters left before one more segment'),
  })
  .describe('how the text splits into billed SMS');

/** A rendered preview, per channel. Tracking links in it are signed with a throwaway key and never verify. */
export const PreviewResponse = z.discriminatedUnion('channel', [
  z
    .object({
      channel: channelOf('email'),
      subject: z.string().describe('the rendered subject'),
      html: z.string().describe('the rendered HTML'),
      text: z.string().describe('the plain-text part'),
    })
    .describe('a rendered email'),
  z
    .object({
      channel: channelOf('sms'),
      text: z.string().describe('the rendered text'),
      segments: SmsSegments,
    })
    .describe('a rendered SMS'),
  z
    .object({ channel: channelOf('call'), text: z.string().describe('the rendered script') })
    .describe('a rendered call script'),
  z
    .object({
      channel: channelOf('webhook'),
      url: z.string().describe('where it would post'),
      payload: z.record(z.string(), z.unknown()).describe('the rendered JSON it would post'),
    })
    .describe('a rendered webhook'),
]);
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** A template not saved yet, rendered as the editor shows it, with the same sample data as a preview. */
export const DraftPreviewBody = oneSourceEach(
  z.strictObject({ template: TemplateBody.describe('the template as written so far'), ...previewFields }),
).describe('an unsaved template and the sample data to render it with');
export type DraftPreviewBody = z.infer<typeof DraftPreviewBody>;

/**
 * A test send: the template rendered as for a real client (or the sample), sent to `to` through the
 * channel's own adapter, marked as a test.
 */
export const TestSendBody = oneSourceEach(
  z.strictObject({
    to: z
      .string()
      .min(3)
      .max(320)
      .describe('where to send it: an email address for email, an E.164 phone (+79991234567) for SMS'),
    ...previewFields,
  }),
).describe('where to send a test of the template, and the sample data to render it with');
export type TestSendBody = z.infer<typeof TestSendBody>;

export const TestSendResponse = z
  .object({
    channel: z.enum(['email', 'sms']).describe('the channel it went out on'),
    to: z.string().describe('where it went'),
    provider: z.string().describe('the provider that accepted it (`smtp`, `twilio`, `smsru`)'),
    providerId: z.string().describe("the provider's id of the message"),
    messageId: z.string().describe('the id it was sent under (`test-…`; no outbox row, never in reports)'),
  })
  .describe('a test message the provider accepted');

/** One journey that sends the template, in its draft or its current version. */
export const TemplateUserResponse = z
  .object({
    journeyId: z.string().describe("the journey's id"),
    name: z.string().describe("the journey's name"),
    status: z.string().describe("the journey's status (draft, active, paused)"),
    publishedVersion: z
      .number()
      .int()
      .nullable()
      .describe('the current published version that sends it; null when only the draft does'),
    isInDraft: z.boolean().describe('whether the draft sends it'),
    steps: z.array(z.string()).describe('the steps that send it, by name (their id when unnamed)'),
  })
  .describe('a journey that sends the template');
