export * from './journey-activity-contract';
export * from './create-journey-activities';
export { loadClientContext, updateClient } from './client-context';
export { enrollAudience } from './enroll-audience';
