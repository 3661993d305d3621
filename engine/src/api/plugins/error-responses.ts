import type { FastifyInstance, RouteOptions } from 'fastify';
import { ApiErrorBody } from '../api-error';

/** Why each error status happens, for the OpenAPI document (codes as in `API_ERROR_STATUS`). */
const ERROR_STATUS_DESCRIPTIONS = {
  400: 'validation_failed or malformed_json: the body, query or path broke a rule; `issues` names each field',
  401: 'unauthorized: no API key, or an unknown or revoked one',
  403: 'forbidden: the API key lacks the scope this route needs',
  404: 'not_found: the addressed resource does not exist',
  408: 'request_timeout: the request did not arrive in time',
  409: "conflict: the request is valid but the resource's state forbids it",
  410: 'gone: the resource existed but no longer answers',
  413: 'payload_too_large: the body is over the byte limit',
  414: 'uri_too_long: a path parameter is longer than any valid value',
  415: 'unsupported_media_type: the body is not of a type this route reads',
  422: 'invalid_journey: the journey definition has problems; `problems` lists them per node',
  429: 'rate_limited: too many requests of this kind are waiting; retry shortly',
  431: 'headers_too_large: the request line and headers are over the limit',
  500: 'internal: unexpected; the body is masked, the log has the cause under the request id',
  503: 'unavailable: a service the API needs (Temporal, the tracking secret) is missing; retry later',
} as const;

/** An error status a route can declare. */
export type ErrorStatus = keyof typeof ERROR_STATUS_DESCRIPTIONS;

/** The error statuses a route can answer with, from what it declares: a scope, path params, a body. */
export function errorStatusesOf(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): ErrorStatus[] {
  const statuses: ErrorStatus[] = [400, 408, 431, 500, 503];
  const scope = route.config?.scope;
  if (scope !== undefined && scope !== null) statuses.push(401, 403);
  if (route.url.includes(':') || route.url.includes('*')) statuses.push(404, 414);
  // Fastify reads a body on every method but GET and HEAD, whatever the route's schema says.
  const methods = [route.method].flat();
  if (methods.some((method) => !['GET', 'HEAD'].includes(method))) statuses.push(413, 415);
  return statuses.sort((a, b) => a - b);
}

/**
 * The statuses only a route's own logic raises (409, 410, 422…), for its `response`:
 * `{ ...routeErrors(409, 422) }`. Each becomes a `$ref` to the one error schema, described.
 */
export function routeErrors(...statuses: ErrorStatus[]): Partial<Record<ErrorStatus, typeof ApiErrorBody>> {
  return Object.fromEntries(statuses.map((status) => [status, ApiErrorBody]));
}

function describeStatus(status: string): string {
  if (status in ERROR_STATUS_DESCRIPTIONS) return ERROR_STATUS_DESCRIPTIONS[Number(status) as ErrorStatus];
  return `any other ${status} answer, in the one error format`;
}

/**
 * An error response as OpenAPI wants it: described, answered as JSON whatever the route's success type
 * (a GIF, a page), with the shared `ApiError` component as its schema.
 */
function errorResponse(status: string) {
  return { description: describeStatus(status), content: { 'application/json': { schema: ApiErrorBody } } };
}

/**
 * Declares, on every route, each error status it can answer with, all in the one error format: the
 * statuses the framework and plugins raise (auth, input limits, server limits) by construction, plus
 * those the route lists itself (`routeErrors`). Registered before the routes, so the OpenAPI document
 * and the response serializer see the same list.
 */
export function declareErrorResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.schema === undefined || route.schema.hide === true) return;
    const declared = (route.schema.response ?? {}) as Record<string, unknown>;
    const ownErrors = Object.keys(declared).filter((status) => declared[status] === ApiErrorBody);
    const statuses = [...new Set([...errorStatusesOf(route).map(String), ...ownErrors])];
    const errors = Object.fromEntries(statuses.map((status) => [status, errorResponse(status)]));
    route.schema.response = { ...declared, ...errors };
  });
}
