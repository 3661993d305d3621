// Public surface of @touchpoint/channels: one adapter per provider behind ChannelAdapter, templates,
// delivery policy, and the loopback sandboxes used by tests and the demo.
export * from './channel-kind';
export * from './channel-adapter';
export * from './outbound-message';
export * from './send-outcome';
export * from './templates/message-template';
export * from './templates/render-template';
export * from './templates/html-to-text';
export * from './email/smtp-adapter';
export * from './email/classify-smtp-error';
export * from './email/message-id';
export * from './email/tracking';
export * from './email/tracking-token';
export * from './sms/segments';
export * from './sms/twilio-adapter';
export * from './sms/smsru-adapter';
export * from './sms/delivery-receipt';
export * from './webhook/webhook-adapter';
export * from './webhook/webhook-signature';
export * from './webhook/post-signed-json';
export * from './call-center/call-center-push-adapter';
export * from './http/address-guard';
export * from './sandbox/sandbox-verdict';
export * from './sandbox/smtp-sandbox';
export * from './sandbox/sms-sandbox';
export * from './sandbox/webhook-sink';
