import type { Client } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ChannelKind } from '@touchpoint/language';
import { z } from 'zod';
import { hasScope } from './auth';

/** What readiness checks: each dependency the API cannot serve without. */
export interface ReadinessDeps {
  db: Database;
  temporal?: Client;
  /**
   * A probe per channel this deployment sends on (`channelProbes`), each reported under the channel's
   * name; a probe resolves when the channel can send and rejects saying why not. Unset: no channel
   * is checked (an API built without the product's wiring, in tests).
   */
  channels?: Partial<Record<ChannelKind, () => Promise<unknown>>>;
}

const Check = z.object({ ok: z.boolean(), detail: z.string().optional() });
const Readiness = z.object({
  ready: z.boolean(),
  checks: z.record(z.string(), Check),
});
type Check = z.infer<typeof Check>;

/** A check answers within this, or it fails: a probe must not hang on a dead dependency. */
const CHECK_TIMEOUT_MS = 2_000;

export async function check(probe: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the frontend for its system info: the call every SDK makes on connect, so it works on every
 * server (the gRPC health service is missing from the time-skipping test server).
 */
export async function checkTemporal(temporal: Client | undefined): Promise<Check> {
  if (!temporal) return { ok: false, detail: 'no Temporal client configured' };
  return check(() => temporal.workflowService.getSystemInfo({}));
}

export async function checkDatabase(db: Database): Promise<Check> {
  return check(() => db.execute(sql`select 1`));
}

/** Runs every configured channel's probe, each named by its channel. */
export async function checkChannels(
  probes: Partial<Record<ChannelKind, () => Promise<unknown>>>,
): Promise<Record<string, Check>> {
  const entries = Object.entries(probes) as [ChannelKind, () => Promise<unknown>][];
  return Object.fromEntries(
    await Promise.all(entries.map(async ([channel, probe]) => [channel, await check(probe)] as const)),
  );
}

/**
 * `/health/live` says the process answers (restart it if not); `/health/ready` says it can serve now
 * (take it out of the load balancer if not): the database answers, the Temporal frontend serves, and
 * every configured channel can send (one check per channel, named by it). Both are public, as probes
 * carry no key; without one, readiness names each check and whether it passed, and only a key with
 * `ops:read` also reads why one failed (hosts, ports and provider errors are an operator's business).
 * Left out of the OpenAPI document, like `/metrics`: they are the operator's, and a failed readiness
 * answers its checks rather than the API's error format.
 */
export function registerHealth(app: FastifyInstance, deps: ReadinessDeps): void {
  app.get(
    '/health/live',
    {
      config: { scope: null },
      schema: { hide: true, response: { 200: z.object({ live: z.literal(true) }) } },
    },
    async () => ({ live: true as const }),
  );
  app.get(
    '/health/ready',
    {
      config: { scope: null, readsKeyWhenSent: true },
      schema: { hide: true, response: { 200: Readiness, 503: Readiness } },
    },
    async (request, reply) => {
      const [database, temporal, channels] = await Promise.all([
        checkDatabase(deps.db),
        checkTemporal(deps.temporal),
        checkChannels(deps.channels ?? {}),
      ]);
      const checks: Record<string, Check> = { database, temporal, ...channels };
      const ready = Object.values(checks).every((one) => one.ok);
      const shown = hasScope(request, 'ops:read')
        ? checks
        : Object.fromEntries(Object.entries(checks).map(([name, one]) => [name, { ok: one.ok }]));
      return reply.code(ready ? 200 : 503).send({ ready, checks: shown });
    },
  );
}
