import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError } from '../api-error';
import type { ApiErrorBody, ApiIssue } from '../api-error';

/** Fastify's own error codes that are the client's fault, mapped onto ours. */
const FASTIFY_CODES: Record<string, ApiError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
};

type ValidationIssue = {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
};
type ZodIssueLike = { path: PropertyKey[]; message: string; code: string };

/**
 * A union (single event or batch) fails as one "invalid input" with the issues of every branch. The
 * branch whose issues lie deepest is the one the caller meant, so its issues are reported instead.
 */
function unwrapUnion(issue: ValidationIssue): ValidationIssue[] {
  const branches = issue.params?.['errors'];
  if (issue.keyword !== 'invalid_union' || !Array.isArray(branches) || branches.length === 0) return [issue];
  const depth = (branch: ZodIssueLike[]) => Math.max(...branch.map((i) => i.path.length));
  // Deepest first issue wins; on a tie, the branch with fewer issues fits the input better.
  const better = (a: ZodIssueLike[], b: ZodIssueLike[]) =>
    depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a;
  const best = (branches as ZodIssueLike[][]).reduce(better);
  const base = issue.instancePath.split('/').filter((part) => part !== '');
  return best.map((inner) => ({
    instancePath: `/${[...base, ...inner.path.map(String)].join('/')}`,
    message: inner.message,
    keyword: inner.code,
  }));
}

/** Schema issues as `{ path, message, code }`, paths dotted and prefixed with where they were found. */
function toIssues(error: FastifyError & { validation: ValidationIssue[] }): ApiIssue[] {
  const where = error.validationContext ?? 'body';
  return error.validation.flatMap(unwrapUnion).map((issue): ApiIssue => ({
    path: [where, ...issue.instancePath.split('/').filter((part) => part !== '')].join('.'),
    message: issue.message ?? 'invalid',
    code: issue.keyword,
  }));
}

function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = toIssues(error);
    const first = issues[0];
    const message = first ? `${first.path}: ${first.message}` : 'request failed validation';
    return new ApiError('validation_failed', message, { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  const code = fastifyError.code === undefined ? undefined : FASTIFY_CODES[fastifyError.code];
  if (code !== undefined) return new ApiError(code, fastifyError.message ?? code);
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode < 500 &&
    fastifyError.statusCode >= 400
  ) {
    return new ApiError(
      fastifyError.statusCode === 404 ? 'not_found' : 'validation_failed',
      String(fastifyError.message),
    );
  }
  return null;
}

/**
 * One central error handler: known errors become {@link ApiErrorBody} with their status; anything else is
 * logged with the request id and answered as a masked 500, so internals never leak.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error);
    if (apiError === null) {
      request.log.error({ err: error }, 'unhandled error');
      const body: ApiErrorBody = { code: 'internal', message: 'internal error', requestId: request.id };
      return reply.code(500).send(body);
    }
    if (apiError.statusCode >= 500) request.log.error({ err: error }, apiError.message);
    // The rest of a timed-out body may never come: the connection cannot carry another request.
    if (apiError.code === 'request_timeout') void reply.header('connection', 'close');
    const body: ApiErrorBody = {
      code: apiError.code,
      message: apiError.message,
      requestId: request.id,
      ...apiError.extra,
    };
    return reply.code(apiError.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiErrorBody = {
      code: 'not_found',
      message: `no route ${request.method} ${request.url}`,
      requestId: request.id,
    };
    return reply.code(404).send(body);
  });
}
