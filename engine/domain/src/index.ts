// The domain (`@touchpoint/domain`): what Touchpoint does with its rows, whoever asks. The API routes
// and the Temporal activities are doors over it: they parse, call one of these, and map its errors.
// It stands on the journey language, the database and the channels' contracts; it knows no HTTP and
// no Temporal.
export * from './outbox/outbox';
export * from './recipients/load-recipient';
export * from './offers/load-offer';
export * from './messages/record-delivery-event';
export * from './rendering/render-for-channel';
export * from './call-tasks/call-task-contract';
export * from './call-tasks/call-tasks';
export * from './outbox/held-out-sends';
