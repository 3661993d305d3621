import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '@touchpoint/db';
import { API_SCOPES } from '@touchpoint/db';
import { findApiKeyQuery } from '@touchpoint/domain';
import type { ApiScope } from '@touchpoint/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error';
import './route-scopes';

declare module 'fastify' {
  interface FastifyRequest {
    /** The scopes the caller's key holds (every one for admin); null on public routes. */
    apiScopes: ReadonlySet<ApiScope> | null;
    /** Who the caller's key is, for the audit trail: `admin` (the configured key) or the key's name. */
    apiActor: string | null;
  }
}

const ALL_SCOPES: ReadonlySet<ApiScope> = new Set(API_SCOPES);

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function readBearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** Whether the caller's key holds `scope` (admin holds them all). */
export function hasScope(request: FastifyRequest, scope: ApiScope): boolean {
  const scopes = request.apiScopes;
  return scopes !== null && (scopes.has('admin') || scopes.has(scope));
}

/**
 * For what a route returns only for some requests (a preview with a stored client's data): throws
 * `forbidden` naming the scope and why, as the route's own scope check would.
 */
export function requireScope(request: FastifyRequest, scope: ApiScope, why: string): void {
  if (!hasScope(request, scope))
    throw new ApiError('forbidden', `this API key lacks the "${scope}" scope (${why})`);
}

/**
 * Authenticates every route by its `config.scope` (declared on every route; see route-scopes): the
 * admin key (from config) holds every scope; other keys are scoped rows in `api_keys`; `null` is
 * public. Runs as `onRequest`, before the body is parsed, so unauthenticated callers cannot make the
 * server parse big bodies. No scope at all only happens when no route matched (the 404 handler).
 */
export function registerAuth(app: FastifyInstance, options: { db: Database; adminKey: string }): void {
  const adminDigest = digest(options.adminKey);
  const identify = async (request: FastifyRequest, key: string): Promise<void> => {
    if (timingSafeEqual(digest(key), adminDigest)) {
      request.apiScopes = ALL_SCOPES;
      request.apiActor = 'admin';
      return;
    }
    const row = await findApiKeyQuery(options.db, key);
    if (row === null) throw new ApiError('unauthorized', 'unknown or revoked API key');
    request.apiScopes = new Set(row.scopes);
    request.apiActor = row.name;
  };
  app.decorateRequest('apiScopes', null);
  app.decorateRequest('apiActor', null);
  app.addHook('onRequest', async (request) => {
    const { scope, readsKeyWhenSent } = request.routeOptions.config;
    const key = readBearer(request);
    if (scope === undefined || scope === null) {
      if (readsKeyWhenSent && key !== null) await identify(request, key);
      return;
    }
    if (key === null) throw new ApiError('unauthorized', 'missing "authorization: Bearer <key>" header');
    await identify(request, key);
    if (!hasScope(request, scope)) throw new ApiError('forbidden', `this API key lacks the "${scope}" scope`);
  });
}
