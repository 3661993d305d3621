export * from './workflow-ids';
export * from './enroll-client';
export * from './search-attributes';
export {
  clientEventSignal,
  exitEnrollmentSignal,
  getCurrentNodeQuery,
  getPathQuery,
} from '../workflows/signals';
export type { ClientEvent } from '../workflows/signals';
export type { JourneyWorkflowInput, JourneyWorkflowResult } from '../workflows/journey-workflow-types';
export * from '../workflows/search-attributes';
