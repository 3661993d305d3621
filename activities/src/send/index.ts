export * from './send-message-contract';
export * from './send-activity-deps';
export * from './create-send-activities';
export { settledResult } from './send-message';
