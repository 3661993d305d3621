import { randomUUID } from 'node:crypto';
import {
  findClientByExternalId,
  loadOfferVariables,
  OfferNotFoundError,
  renderForChannel,
} from '@touchpoint/domain';
import { assertNoFileTags, countSmsSegments, TemplateRenderError } from '@touchpoint/channels';
import type { TemplateVariables } from '@touchpoint/channels';
import type { Database, TemplateRow } from '@touchpoint/db';
import { ApiError, invalidFieldError } from '../../api-error';
import { toTemplateColumns } from './template-columns';
import type { DraftPreviewBody, PreviewBody, PreviewResponse } from './template-body';

/** Used when a preview names no client: every column a template usually reads, plus a first name. */
export const SAMPLE_CLIENT = {
  id: '00000000-0000-0000-0000-000000000000',
  externalId: 'sample-client',
  firstName: 'Alex',
  email: 'alex@example.com',
  phone: '+15551234567',
  locale: 'en',
} as const;

const SAMPLE_OFFER = { key: 'sample-offer', name: '10% off', kind: 'percentDiscount', value: 10 } as const;

// Signed with a key made for this preview only, so preview links never verify against the real secret.
export const previewTracking = () => ({ baseUrl: 'https://preview.invalid', secret: randomUUID() });

/** The variables a real send would see for this client and offer (same keys as the send activity). */
export async function loadVariables(db: Database, body: PreviewBody): Promise<TemplateVariables> {
  let client: Record<string, unknown> = body.client ?? { ...SAMPLE_CLIENT };
  if (body.clientId !== undefined) {
    const row = await findClientByExternalId(db, body.clientId);
    if (row === undefined) throw new ApiError('not_found', `body.clientId: no client "${body.clientId}"`);
    const { attributes, id, externalId, email, phone, locale } = row;
    client = { ...attributes, id, externalId, email, phone, locale };
  }
  let offer: Record<string, unknown> = body.offer ?? { ...SAMPLE_OFFER };
  if (body.offerId !== undefined) offer = await loadPreviewOffer(db, body.offerId);
  return { client, offer, journey: body.journey ?? {} };
}

// The send activity's own loader, so a stored offer previews exactly as a send will show it.
async function loadPreviewOffer(db: Database, offerId: string): Promise<Record<string, unknown>> {
  try {
    return await loadOfferVariables(db, { offerId });
  } catch (error) {
    if (error instanceof OfferNotFoundError)
      throw new ApiError('not_found', `body.offerId: ${error.message}`);
    throw error;
  }
}

/** A template field the renderer named, as a request path: everything but the subject lives in `body`. */
function toIssuePath(field: string): string {
  return field === 'subject' ? 'body.subject' : 'body.body';
}

/**
 * A renderer's error as a 400 naming the field; a file-reading tag gets its own issue code, so a
 * client can tell "not allowed here" from "does not parse".
 */
export function toValidationError(error: unknown): ApiError {
  // Rendering is pure (no I/O), so whatever it throws comes from the template: MJML's parser throws
  // plain errors on a body that is not MJML at all, which are reported against `body` too.
  const field = error instanceof TemplateRenderError ? error.field : 'body';
  const tag = error instanceof TemplateRenderError ? error.forbiddenTag : null;
  const path = toIssuePath(field);
  const message =
    tag !== null
      ? `the {% ${tag} %} tag is not allowed (in ${field}): templates cannot read files or other templates`
      : error instanceof Error
        ? error.message
        : String(error);
  return invalidFieldError(path, message, tag !== null ? 'template_forbidden_tag' : 'template_render');
}

/** Every Liquid source a stored row holds, by the renderer's field name (webhook payload strings by path). */
function listSources(row: TemplateRow): [string, string][] {
  if (row.channel === 'email')
    return [
      ['subject', row.subject ?? ''],
      ['mjml', row.body],
    ];
  if (row.channel !== 'webhook') return [['body', row.body]];
  const sources: [string, string][] = [];
  const walk = (path: string, value: unknown): void => {
    if (typeof value === 'string') sources.push([path, value]);
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(`${path}.${key}`, item);
  };
  walk('payload', (JSON.parse(row.body) as { payload?: unknown }).payload);
  return sources;
}

/**
 * Renders a template through the send activity's own pipeline (`renderForChannel`), so the preview is
 * exactly what a send would produce. A Liquid or MJML error becomes a 400 naming the field.
 */
export async function renderTemplate(
  row: TemplateRow,
  variables: TemplateVariables,
): Promise<PreviewResponse> {
  const to = row.channel === 'sms' ? SAMPLE_CLIENT.phone : SAMPLE_CLIENT.email;
  const options = { messageId: SAMPLE_CLIENT.id, to, tracking: previewTracking() };
  let rendered: Awaited<ReturnType<typeof renderForChannel>>;
  try {
    rendered = await renderForChannel(row, variables, options);
  } catch (error) {
    throw toValidationError(error);
  }
  switch (rendered.channel) {
    case 'email':
      return { channel: 'email', subject: rendered.subject, html: rendered.html, text: rendered.text };
    case 'sms':
      return { channel: 'sms', text: rendered.body, segments: countSmsSegments(rendered.body) };
    case 'call':
      return { channel: 'call', text: rendered.script };
    case 'webhook':
      return { channel: 'webhook', url: rendered.url, payload: rendered.payload };
    default: {
      const unhandled: never = rendered;
      throw new Error(`unknown rendered channel ${String(unhandled)}`);
    }
  }
}

/** `POST /v1/templates/:id/preview`: the stored template rendered with the request's sample data. */
export async function previewTemplate(db: Database, row: TemplateRow, body: PreviewBody) {
  return renderTemplate(row, await loadVariables(db, body));
}

/**
 * Save-time check: no file-reading tag anywhere in the raw source, then a trial render with the
 * built-in sample, so a broken or file-reading template is never stored.
 */
export async function checkTemplateRenders(row: TemplateRow): Promise<void> {
  assertNoFileTagsIn(row);
  await renderTemplate(row, { client: { ...SAMPLE_CLIENT }, offer: { ...SAMPLE_OFFER }, journey: {} });
}

function assertNoFileTagsIn(row: TemplateRow): void {
  try {
    for (const [field, source] of listSources(row)) assertNoFileTags(row.key, field, source);
  } catch (error) {
    throw toValidationError(error);
  }
}

/**
 * `POST /v1/template-previews`: a template as the editor holds it, unsaved, rendered exactly as a
 * preview of the stored one would be (same checks, same pipeline), so the editor's preview is live.
 */
export async function previewDraftTemplate(db: Database, body: DraftPreviewBody) {
  const now = new Date();
  const row: TemplateRow = { id: '', createdAt: now, updatedAt: now, ...toTemplateColumns(body.template) };
  assertNoFileTagsIn(row);
  const { template: _template, ...sample } = body;
  return renderTemplate(row, await loadVariables(db, sample));
}
