import fastifyStatic from '@fastify/static';
import { offers, openDatabase, templates, type Database } from '@touchpoint/db';
import { buildApp } from '@touchpoint/engine/api/build-app';
import type { ApiConfig, BuildAppOptions } from '@touchpoint/engine/api/build-app';
import { registerPublicPlugin } from '@touchpoint/engine/api/plugins/route-scopes';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { sandboxRoutes, type SandboxRoutesOptions } from '@touchpoint/engine/api/routes/sandbox/index';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase } from '../harness/database';
import { builtBuilder } from './built-builder';

/** Message templates the browser stories pick by key. */
export const STORY_TEMPLATES = [
  'win-back-email',
  'remind',
  'stimulate',
  'sms-offer',
  'welcome',
  'welcome-nudge',
  'first-order',
  'win-back-sms',
] as const;

/** Offers the gallery templates and the ladder's discount refer to (publishing checks them). */
export const STORY_OFFERS = [
  { key: 'discount', name: 'Come-back discount', kind: 'percentDiscount' as const, value: 10 },
  { key: 'free-delivery', name: 'Free delivery', kind: 'freeShipping' as const },
  { key: 'booking-gift', name: 'Gift with the booking', kind: 'gift' as const },
];

/** The real API on a fresh database, serving the freshly built builder from the same origin. */
export interface BuilderServer {
  url: string;
  adminKey: string;
  /** The server's database, for seeding what the API cannot create (call tasks come from journeys). */
  db: Database;
  close: () => Promise<void>;
}

export interface BuilderServerOptions {
  /** Loopback mail / SMS servers whose received messages the API lists, as `npm start` wires them. */
  sandbox?: SandboxRoutesOptions;
  /** More for the app, given its database: a Temporal client and a router for stories with clients. */
  app?: (db: Database) => Partial<Omit<BuildAppOptions, 'db' | 'config'>> & { config?: Partial<ApiConfig> };
}

function registerSandbox(sandbox: SandboxRoutesOptions) {
  return async (app: FastifyInstance) => void (await app.register(sandboxRoutes, sandbox));
}

export async function startBuilderServer(options: BuilderServerOptions = {}): Promise<BuilderServer> {
  const builder = await builtBuilder();
  const testDb = await createTestDatabase();
  const database = openDatabase(testDb.url);
  // The server checks templates against its catalog; the stories' sends use these.
  await database.db.insert(templates).values(
    // Every story template in both variants: publishing refuses a send (or its fallback) whose
    // template lacks a variant for one of its channels; the builder lists one entry per key.
    STORY_TEMPLATES.flatMap((key) =>
      (['email', 'sms'] as const).map((channel) => ({
        key,
        channel,
        name: key,
        body: `{{ client.name }}: ${key}`,
      })),
    ),
  );
  await database.db.insert(offers).values(STORY_OFFERS);
  const adminKey = 'builder-test-key';
  const { config, ...more } = options.app?.(database.db) ?? {};
  // A known port, so Twilio receipts the sandbox signs (with the adapter's token, 'sandbox') verify.
  const port = await findFreePort();
  const app = await buildApp({
    db: database.db,
    ...more,
    config: { ...config, adminKey, twilioAuthToken: 'sandbox', publicUrl: `http://127.0.0.1:${port}` },
    ...(options.sandbox ? { moreRoutes: registerSandbox(options.sandbox) } : {}),
  });
  await registerPublicPlugin(app, fastifyStatic, { root: builder.dir, prefix: '/' });
  const address = await app.listen({ host: '127.0.0.1', port });
  return {
    url: address,
    adminKey,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
      await testDb.close();
      builder.release();
    },
  };
}

/** Calls the builder server's API with its admin key and parses the JSON answer; a non-2xx answer throws with its body. */
export async function callAsAdmin<T>(
  server: BuilderServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.adminKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
