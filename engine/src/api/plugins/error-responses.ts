import type { FastifyInstance, RouteOptions } from 'fastify';
import { ApiErrorBody } from '../api-error';

/** Why each status the framework and plugins can answer with happens, for the OpenAPI document. */
const ERROR_STATUS_DESCRIPTIONS = {
  400: 'validation_failed or malformed_json: the body, query or path broke a rule; `issues` names each field',
  401: 'unauthorized: no API key, or an unknown or revoked one',
  403: 'forbidden: the API key lacks the scope this route needs',
  404: 'not_found: the addressed resource does not exist',
  408: 'request_timeout: the request did not arrive in time',
  413: 'payload_too_large: the body is over the byte limit',
  414: 'uri_too_long: a path parameter is longer than any valid value',
  415: 'unsupported_media_type: the body is not of a type this route reads',
  431: 'headers_too_large: the request line and headers are over the limit',
  500: 'internal: unexpected; the body is masked, the log has the cause under the request id',
  503: 'unavailable: a service the API needs (Temporal) is unreachable; retry later',
} as const;

type Status = keyof typeof ERROR_STATUS_DESCRIPTIONS;

/** The error statuses a route can answer with, from what it declares: a scope, path params, a body. */
export function errorStatusesOf(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): Status[] {
  const statuses: Status[] = [400, 408, 431, 500, 503];
  const scope = route.config?.scope;
  if (scope !== undefined && scope !== null) statuses.push(401, 403);
  if (route.url.includes(':') || route.url.includes('*')) statuses.push(404, 414);
  const methods = [route.method].flat();
  if (methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(method))) statuses.push(413, 415);
  return statuses.sort((a, b) => a - b);
}

/**
 * Declares, on every route, each error status it can answer with, all in the one error format (routes
 * keep their own `4xx` for the statuses only they raise, such as 409 and 422). Registered before the
 * routes, so the OpenAPI document and the response serializer see the same list.
 */
export function declareErrorResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.schema === undefined || route.schema.hide === true) return;
    const declared = (route.schema.response ?? {}) as Record<string, unknown>;
    const errors = Object.fromEntries(
      errorStatusesOf(route)
        .filter((status) => declared[status] === undefined)
        .map((status) => [status, ApiErrorBody.describe(ERROR_STATUS_DESCRIPTIONS[status])]),
    );
    route.schema.response = { ...declared, ...errors };
  });
}
