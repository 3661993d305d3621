import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../webhook/webhook-signature';
import { listenHttp } from './listen-http';
import { readBody } from './read-body';
import { waitFor } from './wait-for';

/** One request the sink received. */
export interface SandboxWebhookRequest {
  id: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  receivedAt: string;
}

/** A running loopback HTTP server that records POSTs (webhook and call-center push targets). */
export interface WebhookSink {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  listMessages(): SandboxWebhookRequest[];
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Where the sink listens and, with `secret`, the key it checks signatures with. */
export interface WebhookSinkOptions {
  host?: string;
  port?: number;
  /** When set, a request whose `x-touchpoint-signature` does not verify is answered 401, unstored. */
  secret?: string;
}

/**
 * Answers 410 under `/reject`, 503 (Retry-After: 1) under `/tempfail`, 200 elsewhere, storing
 * only what it accepted, like a receiver would.
 */
export async function startWebhookSink(options: WebhookSinkOptions = {}): Promise<WebhookSink> {
  const received: SandboxWebhookRequest[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const path = request.url ?? '/';
        if (path.startsWith('/reject')) return void response.writeHead(410).end('gone');
        if (path.startsWith('/tempfail'))
          return void response.writeHead(503, { 'retry-after': '1' }).end('busy');
        if (options.secret !== undefined && !isSignedWith(body, request.headers, options.secret))
          return void response.writeHead(401).end('bad signature');
        const id = randomUUID();
        received.push({ id, path, headers: request.headers, body, receivedAt: new Date().toISOString() });
        for (const wake of waiters) wake();
        response
          .writeHead(200, { 'content-type': 'application/json', 'x-request-id': id })
          .end('{"ok":true}');
      },
      () => void response.writeHead(400).end(),
    );
  });
  const { baseUrl, stop } = await listenHttp(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    baseUrl,
    listMessages: () => [...received],
    waitForCount: (count, timeoutMs = 30_000) => waitFor(() => received.length >= count, waiters, timeoutMs),
    stop,
  };
}

function isSignedWith(body: string, headers: http.IncomingHttpHeaders, secret: string): boolean {
  const header = headers[SIGNATURE_HEADER];
  return typeof header === 'string' && verifyWebhookSignature(body, header, secret);
}
