import type { Database } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import type { EventRouter } from '../../router';

/** Dependencies of the ingestion routes. */
export interface IngestRouteOptions {
  db: Database;
  router: EventRouter | null;
  maxBatchSize: number;
}

/**
 * Routes freshly stored events after the response is sent: the client's ack must not wait on Temporal,
 * and a failure here is harmless because the sweep routes whatever is still unrouted.
 */
export function routeInBackground(router: EventRouter | null, ids: number[], log: FastifyBaseLogger): void {
  if (router === null || ids.length === 0) return;
  router
    .routeEvents(ids)
    .catch((error: unknown) => log.warn({ err: error }, 'routing deferred to the sweep'));
}
