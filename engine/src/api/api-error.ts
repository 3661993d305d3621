import { z } from 'zod';
import { ProblemIssueBody } from '@touchpoint/language/api-contract';

/**
 * Every error code the API answers with, mapped to its HTTP status. Clients branch on `code`, never on
 * the message.
 * - `validation_failed` (400): the body, query or params broke a schema; `issues` lists each with its path.
 * - `malformed_json` (400): the body is not parseable JSON.
 * - `unauthorized` (401): no key, or an unknown / revoked key.
 * - `forbidden` (403): the key lacks the scope the route needs.
 * - `not_found` (404): the addressed resource (journey, client, version…) does not exist.
 * - `conflict` (409): the request is valid but the resource's state forbids it (publish an invalid
 *   draft, resume an archived journey).
 * - `gone` (410): the resource existed but no longer answers (an expired tracking link).
 * - `invalid_journey` (422): the journey definition has problems; `problems` lists them per node.
 * - `request_timeout` (408): the request (headers and body) did not arrive in time.
 * - `payload_too_large` (413): the body is over the byte limit.
 * - `uri_too_long` (414): a path parameter is longer than any valid value.
 * - `unsupported_media_type` (415): a body that is not JSON.
 * - `headers_too_large` (431): the request line and headers are over the server's limit.
 * - `rate_limited` (429), `unavailable` (503): retry later.
 * - `internal` (500): anything unexpected; the body is masked, the log has the details and request id.
 */
export const API_ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  invalid_journey: 422,
  headers_too_large: 431,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** One of {@link API_ERROR_STATUS}'s keys. */
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** One schema violation, with the dotted path of the offending field (`events.3.occurredAt`). */
export const ApiIssue = z.object({
  path: z
    .string()
    .describe('dotted path of the offending field, prefixed with where it was (`body.events.3.occurredAt`)'),
  message: z.string().describe('what is wrong with it, in English'),
  code: z.string().describe('the kind of violation (`invalid_type`, `too_big`, …)'),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

/**
 * The one error body every route answers with. Registered as the OpenAPI component `ApiError`, so every
 * error response of the document is a `$ref` to this one schema rather than a copy.
 */
export const ApiErrorBody = z
  .object({
    code: z
      .enum(Object.keys(API_ERROR_STATUS) as [ApiErrorCode, ...ApiErrorCode[]])
      .describe('what went wrong, one of a closed set; clients branch on this, never on the message'),
    message: z.string().describe('a readable explanation in English, naming the field when there is one'),
    requestId: z
      .string()
      .describe(
        "the request's id (the caller's `x-request-id`, or one the server made); the server log has it too",
      ),
    issues: z
      .array(ApiIssue.describe('one field that broke a rule'))
      .optional()
      .describe('with `validation_failed`: every field that broke a rule'),
    problems: z
      .array(
        z
          .object({
            nodeId: z.string().nullable().describe('the node the problem is on; null for the whole journey'),
            code: z.string().describe('the problem code of the journey language (`unreachableNode`, …)'),
            message: z.string().describe('what is wrong, in English'),
            issues: z
              .array(ProblemIssueBody)
              .optional()
              .describe('with `invalidConfig` / `invalidDefinition`: each field that broke a rule'),
          })
          .describe('one problem of the journey definition'),
      )
      .optional()
      .describe('with `invalid_journey`: each problem of the definition, per node'),
  })
  .meta({
    id: 'ApiError',
    description: 'The one error format: a code from a closed set, a message and the request id.',
  });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The API's one error class: thrown by routes, turned into {@link ApiErrorBody} by the error handler. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Pick<ApiErrorBody, 'issues' | 'problems'> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = API_ERROR_STATUS[code];
  }
}

/**
 * A `validation_failed` error for one field a rule of the route refuses where its schema cannot say
 * so (a cursor this API never returned, an action of no taxonomy): the message names the field, as
 * the schema's own 400s do, and the one issue carries its path and `code` (default `custom`).
 */
export function invalidFieldError(path: string, message: string, code = 'custom'): ApiError {
  return new ApiError('validation_failed', `${path}: ${message}`, { issues: [{ path, message, code }] });
}
