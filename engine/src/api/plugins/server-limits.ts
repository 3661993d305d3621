import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import { API_ERROR_STATUS } from '../api-error';
import type { ApiErrorBody, ApiErrorCode } from '../api-error';
import { MAX_PARAM_LENGTH } from '../input-bounds';

/** How long a request's headers and body may take to arrive by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Time limits of the HTTP server; see {@link serverLimits}. */
export interface ServerTimeouts {
  /** A request's headers and body must arrive within this many ms (default 30 s), else 408. */
  requestTimeoutMs?: number;
  /** An idle connection is closed after this many ms (default 60 s). */
  connectionTimeoutMs?: number;
}

function errorBody(code: ApiErrorCode, message: string, requestId: string): ApiErrorBody {
  return { code, message, requestId };
}

/**
 * Errors Node's HTTP parser raises before fastify sees a request (headers too large, a body that stops
 * half-way): answered in the API's one error format, then the socket is closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message]: [ApiErrorCode, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request_timeout', 'the request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['headers_too_large', 'the request line and headers exceed the server limit']
        : ['validation_failed', 'malformed HTTP request'];
  const status = API_ERROR_STATUS[code];
  const body = JSON.stringify(errorBody(code, message, randomUUID()));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Router errors (a malformed or overlong URL) in the API's error format. */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [code, message]: [ApiErrorCode, string] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? ['uri_too_long', `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`]
      : ['validation_failed', 'the URL is not valid (bad percent-encoding?)'];
  void reply.code(API_ERROR_STATUS[code]).send(errorBody(code, message, request.id));
}

/**
 * The fastify options that bound what one request may cost: path parameter length (long enough for any
 * valid client id, percent-encoded), and time limits so a client that sends half a body and stalls is
 * answered 408 and disconnected instead of holding a socket forever (fastify disables both by default).
 */
export function serverLimits(timeouts: ServerTimeouts = {}): FastifyHttpOptions<http.Server> {
  const requestTimeout = timeouts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    requestTimeout,
    connectionTimeout: timeouts.connectionTimeoutMs ?? 60_000,
    // Node checks request deadlines on this interval (30 s by default): check often enough to keep them.
    http: { connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(requestTimeout / 4))) },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  };
}
