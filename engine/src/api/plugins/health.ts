import type { Client } from '@temporalio/client';
import type { Database } from '@touchpoint/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** What readiness checks: each dependency the API cannot serve without. */
export interface ReadinessDeps {
  db: Database;
  temporal?: Client;
  /** The channels this deployment sends on; an API with none configured cannot publish a send. */
  channels?: readonly string[];
}

const Check = z.object({ ok: z.boolean(), detail: z.string().optional() });
const Readiness = z.object({
  ready: z.boolean(),
  checks: z.object({ database: Check, temporal: Check, channels: Check }),
});
type Check = z.infer<typeof Check>;

/** A check answers within this, or it fails: a probe must not hang on a dead dependency. */
const CHECK_TIMEOUT_MS = 2_000;

async function check(probe: () => Promise<unknown>): Promise<Check> {
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

/**
 * `/health/live` says the process answers (restart it if not); `/health/ready` says it can serve now
 * (take it out of the load balancer if not): the database answers, the Temporal frontend serves, and
 * at least one channel is configured. Both are public, as probes carry no key; readiness names which
 * check failed and why, nothing else. Left out of the OpenAPI document, like `/metrics`: they are
 * the operator's, and a failed readiness answers its checks rather than the API's error format.
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
      config: { scope: null },
      schema: { hide: true, response: { 200: Readiness, 503: Readiness } },
    },
    async (_request, reply) => {
      const [database, temporal] = await Promise.all([checkDatabase(deps.db), checkTemporal(deps.temporal)]);
      const channels: Check =
        deps.channels === undefined || deps.channels.length > 0
          ? { ok: true, ...(deps.channels ? { detail: deps.channels.join(',') } : {}) }
          : { ok: false, detail: 'no channel configured' };
      const ready = database.ok && temporal.ok && channels.ok;
      return reply.code(ready ? 200 : 503).send({ ready, checks: { database, temporal, channels } });
    },
  );
}
