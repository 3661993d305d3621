import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '@touchpoint/db';
import { findApiKeyQuery } from '@touchpoint/db';
import type { ApiScope } from '@touchpoint/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; `null` marks a public route (tracking links, docs). */
    scope?: ApiScope | null;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function readBearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Authenticates every route that declares `config.scope`: the admin key (from config) holds every scope;
 * other keys are scoped rows in `api_keys`. Routes without a scope are public. Runs as `onRequest`, before
 * the body is parsed, so unauthenticated callers cannot make the server parse big bodies.
 */
export function registerAuth(app: FastifyInstance, options: { db: Database; adminKey: string }): void {
  const adminDigest = digest(options.adminKey);
  app.addHook('onRequest', async (request) => {
    const scope = request.routeOptions.config.scope;
    if (scope === undefined || scope === null) return;
    const key = readBearer(request);
    if (key === null) throw new ApiError('unauthorized', 'missing "authorization: Bearer <key>" header');
    if (timingSafeEqual(digest(key), adminDigest)) return;
    const row = await findApiKeyQuery(options.db, key);
    if (row === null) throw new ApiError('unauthorized', 'unknown or revoked API key');
    if (!row.scopes.includes('admin') && !row.scopes.includes(scope)) {
      throw new ApiError('forbidden', `this API key lacks the "${scope}" scope`);
    }
  });
}
