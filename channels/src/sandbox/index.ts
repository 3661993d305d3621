// The loopback sandboxes (`@touchpoint/channels/sandbox`): an SMTP relay, an SMS provider and a webhook
// receiver that keep what they receive, for tests and the all-in-one demo. Kept out of the package's
// main barrel so the worker and the API never load smtp-server or mailparser.
export * from './sandbox-types';
export * from './sandbox-verdict';
export { DEFAULT_RECEIPT_SETTINGS } from './receipt-dispatcher';
export * from './smtp-sandbox';
export * from './sms-sandbox';
export * from './webhook-sink';
