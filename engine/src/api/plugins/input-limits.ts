import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, invalidFieldError } from '../api-error';

/**
 * Deepest nesting of arrays and objects a request may carry. A journey definition needs about a dozen
 * levels (definition → nodes → config → condition → all → …); 64 leaves room for rich event properties
 * while refusing the 10,000-deep bodies that used to reach PostgreSQL's stack limit as 500s.
 */
export const MAX_JSON_DEPTH = 64;

/** Largest body a public route (tracking links, provider receipts) takes: forms and tiny JSON only. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;

type Where = 'body' | 'querystring' | 'params';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with one string, if anything: PostgreSQL's `text` and `jsonb` refuse NUL, and a lone
 * UTF-16 surrogate cannot be encoded as UTF-8, so either would fail at the database as a 500.
 */
function describeBadText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain lone UTF-16 surrogates';
  return null;
}

/**
 * Walks a parsed input breadth-first (no recursion, so any depth is safe to inspect) and names the first
 * string, key included, that the database cannot store, or the first value nested too deep.
 */
export function findBadInput(root: unknown, where: Where): { path: string; message: string } | null {
  const queue: { value: unknown; path: string[] }[] = [{ value: root, path: [where] }];
  for (let index = 0; index < queue.length; index += 1) {
    const { value, path } = queue[index]!;
    if (typeof value === 'string') {
      const problem = describeBadText(value);
      if (problem !== null) return { path: path.join('.'), message: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_JSON_DEPTH) {
      return { path: path.join('.'), message: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    }
    for (const [key, child] of Object.entries(value)) {
      const problem = describeBadText(key);
      if (problem !== null) return { path: [...path, key].join('.'), message: `key ${problem}` };
      queue.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

function assertStorable(request: FastifyRequest): void {
  const inputs: [Where, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [where, value] of inputs) {
    const bad = findBadInput(value, where);
    if (bad === null) continue;
    // Keep the message printable: the path itself may hold the bad characters.
    const path = bad.path
      .replaceAll('\u0000', '\uFFFD')
      .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
    throw invalidFieldError(path, bad.message, 'invalid_string');
  }
}

/**
 * Input rules that hold for every route, before its own schema: a body arrives within its deadline,
 * no text the database cannot store, no runaway nesting, and small bodies on public routes (those marked `scope: null` or without a scope),
 * which anyone on the internet can post to.
 */
export function registerInputLimits(app: FastifyInstance, bodyTimeoutMs: number): void {
  // Node's own requestTimeout stops counting once the headers are in, so a client that sends half a
  // body and stalls would hold the request open for good: the body gets its own deadline.
  app.addHook('preParsing', async (_request, reply, payload) => {
    // A stream of its own fails with the timeout; destroying the request itself would drop the socket
    // before the 408 is written.
    const body = new PassThrough();
    const timer = setTimeout(() => {
      body.destroy(new ApiError('request_timeout', `the body did not arrive within ${bodyTimeoutMs} ms`));
    }, bodyTimeoutMs);
    // The deadline ends with the exchange too: a client that hangs up half-way, or an answer sent
    // before the body was read, leaves no reader for the timeout's error, and an unheard stream
    // error is an uncaught exception that takes the whole API process down.
    const clear = () => clearTimeout(timer);
    payload.once('end', clear).once('error', clear).once('close', clear);
    reply.raw.once('close', clear);
    return payload.pipe(body);
  });
  app.addHook('onRoute', (route) => {
    const scope = route.config?.scope;
    if ((scope === null || scope === undefined) && route.bodyLimit === undefined) {
      route.bodyLimit = PUBLIC_BODY_LIMIT;
    }
  });
  app.addHook('preValidation', async (request) => assertStorable(request));
}
