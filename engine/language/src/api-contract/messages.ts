import { z } from 'zod';
import { ChannelKind, ENROLLMENT_JOB_STATUSES } from '../vocabulary';

/** `GET /v1/templates` items and `GET /v1/templates/:id`: a content template as stored. */
export const TemplateDetail = z.object({
  id: z.string(),
  key: z.string(),
  channel: ChannelKind,
  name: z.string(),
  format: z.enum(['mjml', 'html', 'text']),
  subject: z.string().nullable(),
  body: z.string(),
  updatedAt: z.string(),
});
export type TemplateDetail = z.infer<typeof TemplateDetail>;

/** `POST /v1/templates/:id/preview` and `POST /v1/template-previews`: the rendered message. */
export const TemplatePreview = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), subject: z.string(), html: z.string(), text: z.string() }),
  z.object({
    channel: z.literal('sms'),
    text: z.string(),
    segments: z.object({
      encoding: z.enum(['gsm7', 'ucs2']),
      units: z.number().int(),
      segments: z.number().int(),
      remaining: z.number().int(),
    }),
  }),
  z.object({ channel: z.literal('call'), text: z.string() }),
  z.object({ channel: z.literal('webhook'), url: z.string(), payload: z.record(z.string(), z.unknown()) }),
]);
export type TemplatePreview = z.infer<typeof TemplatePreview>;

/** `GET /v1/templates/:id/uses` items: a journey that sends the template. */
export const TemplateUser = z.object({
  journeyId: z.string(),
  name: z.string(),
  status: z.string(),
  publishedVersion: z.number().int().nullable(),
  isInDraft: z.boolean(),
  steps: z.array(z.string()),
});
export type TemplateUser = z.infer<typeof TemplateUser>;

/** `POST /v1/templates/:id/test-send`. */
export const TestSendResult = z.object({
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  provider: z.string(),
  providerId: z.string(),
  messageId: z.string(),
});
export type TestSendResult = z.infer<typeof TestSendResult>;

/** `POST /v1/journeys/:id/enrollments`: one outcome per client. */
export const ManualEnrollmentResult = z.object({
  journeyVersion: z.number().int(),
  enrolled: z.number().int(),
  items: z.array(z.object({ clientId: z.string(), outcome: z.string(), workflowId: z.string().nullable() })),
});
export type ManualEnrollmentResult = z.infer<typeof ManualEnrollmentResult>;

/** `POST /v1/journeys/:id/enrollments/csv` and `GET /v1/enrollment-jobs/:id`: a CSV job's progress. */
export const EnrollmentJobProgress = z.object({
  id: z.string(),
  status: z.enum(ENROLLMENT_JOB_STATUSES),
  total: z.number().int(),
  done: z.number().int(),
  enrolled: z.number().int(),
  failed: z.number().int(),
  failures: z.array(
    z.object({
      line: z.number().int(),
      clientId: z.string(),
      reason: z.string(),
      code: z.string().optional(),
    }),
  ),
  error: z.string().nullable(),
});
export type EnrollmentJobProgress = z.infer<typeof EnrollmentJobProgress>;
