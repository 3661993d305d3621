import type { ApiScope } from '@touchpoint/db';
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The scope a route needs; `null` marks a public route (tracking links, receipts with their own
     * signature, docs, the builder's files). Every route must say which: a route that says neither
     * stops the API at start-up, so forgetting it can never make a route public.
     */
    scope?: ApiScope | null;
    /**
     * On a public route: a bearer key, when one is sent, is checked (401 if unknown) and its scopes
     * set on the request, so the route can answer more to a key that may read more (readiness).
     */
    readsKeyWhenSent?: boolean;
  }
}

/** One registered route and what it needs. */
export interface RouteScope {
  method: string;
  url: string;
  scope: ApiScope | null;
}

/** Thrown at start-up (by `buildApp`, or whoever registers the route) for a route without a scope. */
export class MissingRouteScopeError extends Error {
  constructor(readonly route: string) {
    super(
      `route ${route} declares no scope: set config.scope to an API scope, or to null for a public route`,
    );
    this.name = 'MissingRouteScopeError';
  }
}

function methodsOf(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

const registered = new WeakMap<FastifyInstance, RouteOptions[]>();

/**
 * Records every route as it is registered and checks them at start-up: `buildApp` calls
 * {@link assertRouteScopes} once its routes are in, and `onReady` checks again for routes added later
 * (the sandbox, the builder's files), so `listen()` fails too. Checked after registration, not in the
 * hook itself, because {@link registerPublicPlugin}'s marking runs after this root hook.
 */
export function requireRouteScopes(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('onReady', async () => {
    assertRouteScopes(app);
  });
}

/** Every route registered so far with its scope; throws {@link MissingRouteScopeError} for one without. */
export function assertRouteScopes(app: FastifyInstance): RouteScope[] {
  return (registered.get(app) ?? []).flatMap((route) => {
    const scope = route.config?.scope;
    if (scope === undefined) throw new MissingRouteScopeError(`${methodsOf(route).join(',')} ${route.url}`);
    return methodsOf(route).map((method) => ({ method, url: route.url, scope }));
  });
}

/**
 * Registers a third-party plugin whose routes cannot carry our config (the docs UI, static files) and
 * marks exactly those routes public. Encapsulated, so the marking reaches no other route.
 */
export async function registerPublicPlugin<Options extends object>(
  app: FastifyInstance,
  plugin: FastifyPluginAsync<Options> | FastifyPluginCallback<Options>,
  options: Options,
): Promise<void> {
  await app.register(async (scoped) => {
    scoped.addHook('onRoute', (route) => {
      route.config = { ...route.config, scope: route.config?.scope ?? null };
    });
    await scoped.register(plugin, options);
  });
}
