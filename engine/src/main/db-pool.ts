import { CHANNEL_CONCURRENCY } from './run-workers';

/** Connections a worker process needs: one per send in flight, plus the journeys' bookkeeping. */
export const WORKER_DB_CONNECTIONS =
  Object.values(CHANNEL_CONCURRENCY).reduce((sum, slots) => sum + slots, 0) + 15;

/** Connections the API and its router need. */
export const API_DB_CONNECTIONS = 10;

/** The pool size of a process running the API, the worker, or both (`npm start`, the test product). */
export function dbConnectionsFor(roles: { api: boolean; worker: boolean }): number {
  return (roles.api ? API_DB_CONNECTIONS : 0) + (roles.worker ? WORKER_DB_CONNECTIONS : 0);
}
