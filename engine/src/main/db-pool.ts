import { MAX_WAITING_SIMULATIONS } from '../simulation/simulator';
import { DEFAULT_CHANNEL_LIMITS, type ChannelLimits } from './channel-limits';

/** Connections a worker process needs: one per send in flight on every channel, plus the journeys' bookkeeping. */
export function workerDbConnections(limits: ChannelLimits = DEFAULT_CHANNEL_LIMITS): number {
  return Object.values(limits).reduce((sum, limit) => sum + limit.inFlight, 0) + 15;
}

/** Connections of a worker with the default channel limits. */
export const WORKER_DB_CONNECTIONS = workerDbConnections();

/**
 * Connections the API and its router need: 10, plus one per forecast it may hold, each forecast
 * keeping its lease on a connection of its own while it runs or waits its turn (`createForecastJobs`).
 */
export const API_DB_CONNECTIONS = 10 + 1 + MAX_WAITING_SIMULATIONS;

/**
 * The pool size of a process running the API, the worker, or both (`npm start`, the test product),
 * for the channel limits it runs its send workers with.
 */
export function dbConnectionsFor(
  roles: { api: boolean; worker: boolean },
  limits: ChannelLimits = DEFAULT_CHANNEL_LIMITS,
): number {
  return (roles.api ? API_DB_CONNECTIONS : 0) + (roles.worker ? workerDbConnections(limits) : 0);
}
