export * from './send-message-contract';
export * from './send-activity-deps';
export * from './create-send-activities';
export * from './outbox';
export { settledResult } from './send-message';
export * from './record-delivery-event';
