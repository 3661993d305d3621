export { createEventRouter } from './route-events';
export type { EventRouter, EventRouterDeps, RoutingReport } from './route-events';
export { forgetRoutableJourneys, loadRoutableJourneys } from './journey-index';
export type { RoutableJourney } from './journey-index';
export { startRoutingSweeper } from './routing-sweeper';
export type { RoutingSweeper, RoutingSweeperOptions } from './routing-sweeper';
