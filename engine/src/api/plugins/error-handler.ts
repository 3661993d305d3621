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

/** Schema issues as `{ path, message, code }`, paths dotted and prefixed with where they were found. */
function toIssues(
  error: FastifyError & { validation: { instancePath: string; message?: string; keyword: string }[] },
) {
  const where = error.validationContext ?? 'body';
  return error.validation.map((issue): ApiIssue => ({
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
