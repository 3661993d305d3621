export * from './journey-activity-contract';
export * from './create-journey-activities';
export {
  beginEnrollment,
  finishEnrollment,
  recordBookkeeping,
  recordMigration,
  recordNodeVisit,
} from './enrollment-records';
export { loadClientContext, updateClient } from './client-context';
export { enrollAudience } from './enroll-audience';
