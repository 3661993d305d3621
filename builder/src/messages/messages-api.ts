import { z } from 'zod';
import { request } from '../api/client';
import { TemplateDetail, TemplatePreview, TemplateUser, TestSendResult } from '../api/schemas';

const enc = encodeURIComponent;

/** The message template routes the builder calls (engine/src/api/routes/templates). */
export const messageEndpoints = {
  templates: () => '/v1/templates',
  template: (id: string) => `/v1/templates/${enc(id)}`,
  preview: (id: string) => `/v1/templates/${enc(id)}/preview`,
  draftPreview: () => '/v1/template-previews',
  testSend: (id: string) => `/v1/templates/${enc(id)}/test-send`,
  uses: (id: string) => `/v1/templates/${enc(id)}/uses`,
} as const;

const json = (method: string, body?: unknown, signal?: AbortSignal): RequestInit => ({
  method,
  body: body === undefined ? undefined : JSON.stringify(body),
  ...(signal ? { signal } : {}),
});

/** A template as the editor writes it (the server's `TemplateBody`). */
export type TemplateDraft =
  | { channel: 'email'; key: string; name: string; format: 'mjml' | 'html'; subject: string; body: string }
  | { channel: 'sms' | 'call' | 'webhook'; key: string; name: string; body: string };

/** Who the preview and the test send render for: a real client by CRM id, or the built-in sample. */
export interface PreviewSample {
  clientId?: string;
}

const items = <T>(item: z.ZodType<T>) => z.object({ items: z.array(item) }).transform((body) => body.items);

export const messagesApi = {
  list: () => request(items(TemplateDetail), messageEndpoints.templates()),
  get: (id: string) => request(TemplateDetail, messageEndpoints.template(id)),
  create: (draft: TemplateDraft) =>
    request(TemplateDetail, messageEndpoints.templates(), json('POST', draft)),
  update: (id: string, draft: TemplateDraft) =>
    request(TemplateDetail, messageEndpoints.template(id), json('PUT', draft)),
  remove: (id: string) => request(z.unknown(), messageEndpoints.template(id), json('DELETE')),
  /** The stored template rendered (the send step's hover preview). */
  preview: (id: string, sample: PreviewSample = {}, signal?: AbortSignal) =>
    request(TemplatePreview, messageEndpoints.preview(id), json('POST', sample, signal)),
  /** What is on screen, unsaved, rendered as a send would (the editor's live preview). */
  previewDraft: (template: TemplateDraft, sample: PreviewSample, signal?: AbortSignal) =>
    request(TemplatePreview, messageEndpoints.draftPreview(), json('POST', { template, ...sample }, signal)),
  testSend: (id: string, to: string, sample: PreviewSample) =>
    request(TestSendResult, messageEndpoints.testSend(id), json('POST', { to, ...sample })),
  uses: (id: string) => request(items(TemplateUser), messageEndpoints.uses(id)),
};
