import { z } from 'zod';
import type { MessageKey } from '../i18n/en';
import { ApiError } from './client';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Every error `code` the API answers with (engine/src/api/api-error.ts `API_ERROR_STATUS`; the builder
 * may not import it, a unit test keeps the two lists equal).
 */
export const API_ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_journey',
  'rate_limited',
  'gone',
  'request_timeout',
  'uri_too_long',
  'headers_too_large',
  'internal',
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * The API's error body as the builder reads it. `code` stays a plain string so a code added on the server
 * later still parses (and falls back to a text by status).
 */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  problems: z.array(z.unknown()).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * A failure as the marketer sees it: `text` in the interface language, `detail` the server's own
 * (English) words for whoever investigates, or null when there are none.
 */
export interface DescribedError {
  text: string;
  detail: string | null;
}

/** Request fields the builder sends, by the last word of their path, in the marketer's words. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'editor.nameLabel',
  summary: 'editor.publishSummary',
  definition: 'serverError.field.definition',
  note: 'operator.note',
  outcome: 'serverError.field.outcome',
  id: 'serverError.field.id',
  from: 'serverError.field.period',
  to: 'serverError.field.period',
  version: 'serverError.field.version',
  templateId: 'field.template',
  offerId: 'field.offer',
  channels: 'field.channels',
  segment: 'field.segment',
  journeyId: 'field.journey',
};

const isCode = (code: string): code is ApiErrorCode => (API_ERROR_CODES as readonly string[]).includes(code);

/**
 * One issue path (`body.definition.nodes.3.config.templateId`) in the marketer's words: the known field
 * nearest the end, and the step it sits on when the path goes through a journey's nodes.
 */
export function describeIssuePath(path: string, t: Translate): string {
  const parts = path.split('.');
  const nodeAt = parts.indexOf('nodes');
  const nodeIndex = nodeAt >= 0 ? Number(parts[nodeAt + 1]) : Number.NaN;
  const step = Number.isInteger(nodeIndex) ? t('serverError.field.step', { n: nodeIndex + 1 }) : null;
  const known = [...parts].reverse().find((part) => part in FIELD_LABELS);
  const field = known === undefined ? null : t(FIELD_LABELS[known]!);
  if (step !== null && known !== undefined && known !== 'definition') return `${step}: ${field}`;
  return step ?? field ?? path;
}

/** The fields a 400 names: its issues' paths, else the `path: …` its message starts with. */
function fieldsOf(body: ApiErrorBody, t: Translate): string[] {
  const paths = body.issues?.map((issue) => issue.path) ?? [];
  const prefix = /^((?:body|params|querystring)\.[\w.]+):/.exec(body.message)?.[1];
  if (paths.length === 0 && prefix !== undefined) paths.push(prefix);
  return [...new Set(paths.map((path) => describeIssuePath(path, t)))];
}

function describeCode(code: ApiErrorCode, body: ApiErrorBody, t: Translate): string {
  switch (code) {
    case 'validation_failed': {
      const fields = fieldsOf(body, t);
      return fields.length > 0
        ? t('serverError.validation_failed.fields', { fields: fields.join(', ') })
        : t('serverError.validation_failed');
    }
    case 'invalid_journey':
      return t('serverError.invalid_journey', { count: body.problems?.length ?? 0 });
    case 'malformed_json':
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
    case 'conflict':
    case 'payload_too_large':
    case 'unsupported_media_type':
    case 'rate_limited':
    case 'gone':
    case 'request_timeout':
    case 'uri_too_long':
    case 'headers_too_large':
    case 'internal':
    case 'unavailable':
      return t(`serverError.${code}`);
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

function describeStatus(status: number, t: Translate): string {
  if (status === 401) return t('serverError.unauthorized');
  if (status === 403) return t('serverError.forbidden');
  if (status === 404) return t('serverError.not_found');
  if (status === 409) return t('serverError.conflict');
  if (status === 503) return t('serverError.unavailable');
  return t('serverError.unknown', { status });
}

function describeServerAnswer(error: ApiError, t: Translate): DescribedError {
  const parsed = ApiErrorBody.safeParse(error.body);
  if (!parsed.success) return { text: describeStatus(error.status, t), detail: error.message };
  const body = parsed.data;
  const detail = body.requestId ? `${body.message} (request ${body.requestId})` : body.message;
  const text = isCode(body.code) ? describeCode(body.code, body, t) : describeStatus(error.status, t);
  return { text, detail };
}

/**
 * Any failure of a call to the API, in the current language: by the error `code` the server sent (naming
 * the fields of a 400), by HTTP status when the code is unknown or the body is not the API's, and the
 * network failure (`status` 0) or an answer of the wrong shape on their own. Never the server's English
 * as the only text: that is kept as `detail`.
 */
export function describeApiError(error: unknown, t: Translate): DescribedError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    return error.status === 0
      ? { text: t('serverError.network'), detail: message }
      : describeServerAnswer(error, t);
  }
  if (error instanceof z.ZodError) return { text: t('serverError.badAnswer'), detail: message };
  return { text: t('serverError.unexpected'), detail: message };
}
