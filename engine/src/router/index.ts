export { createEventRouter } from './route-events';
export type { EventRouter, EventRouterDeps, RoutingReport } from './route-events';
export { loadRoutableJourneys } from './journey-index';
export type { RoutableJourney } from './journey-index';
