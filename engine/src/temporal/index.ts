export * from './workflow-ids';
export * from './enroll-client';
export * from './signal-client-events';
export * from './start-journey';
export * from './start-audience-page';
export * from './migrate-enrollments';
export * from './journey-schedule';
export * from './search-attributes';
export {
  clientEventSignal,
  clientEventsSignal,
  exitEnrollmentSignal,
  getCurrentNodeQuery,
  getEventCountQuery,
  getPathQuery,
  migrateEnrollmentSignal,
} from '../workflows/signals';
export type { ClientEvent, MigrationRequest } from '../workflows/signals';
export type { JourneyWorkflowInput, JourneyWorkflowResult } from '../workflows/journey-workflow-types';
export * from '../workflows/search-attributes';
export * from './map-with-limit';
export * from './segment-schedule';
