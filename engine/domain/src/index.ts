// The domain (`@touchpoint/domain`): what Touchpoint does with its rows, whoever asks. The API routes
// and the Temporal activities are doors over it: they parse, call one of these, and map its errors.
// It stands on the journey language, the database and the channels' contracts; it knows no HTTP and
// no Temporal. One verb-noun function per file, grouped by the rows it works on.
export * from './outbox/outbox-statuses';
export * from './outbox/outbox-key';
export * from './outbox/find-visit-rows';
export * from './outbox/claim-outbox-row';
export * from './outbox/record-status';
export * from './outbox/list-recent-sends';
export * from './recipients/load-recipient';
export * from './offers/load-offer';
export * from './receipts/record-delivery-receipt';
export * from './tracking/find-tracked-message';
export * from './tracking/record-tracking-hit';
export * from './rendering/render-for-channel';
export * from './call-tasks/call-task-contract';
export * from './call-tasks/call-task-error';
export * from './call-tasks/assert-operator-exists';
export * from './call-tasks/find-call-task';
export * from './call-tasks/list-call-tasks';
export * from './call-tasks/claim-call-task';
export * from './call-tasks/release-call-task';
export * from './call-tasks/create-call-task';
export * from './call-tasks/complete-call-task';
export * from './outbox/held-out-sends';
export * from './call-tasks/operators';
