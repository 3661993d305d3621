// Public surface of @touchpoint/channels: one adapter per provider behind ChannelAdapter, templates,
// delivery policy. The loopback sandboxes are `@touchpoint/channels/sandbox`, for tests and the demo only.
export * from './channel-kind';
export * from './channel-adapter';
export * from './outbound-message';
export * from './send-outcome';
export * from './templates/message-template';
export * from './templates/render-template';
export * from './templates/html-to-text';
export * from './templates/sandboxed-liquid';
export * from './email/smtp-adapter';
export * from './email/classify-smtp-error';
export * from './email/message-id';
export * from './email/mail-api-lookup';
export * from './email/tracking';
export * from './email/tracking-token';
// SMS segment counting is a rule of the channel everyone shares (the builder counts as the marketer types).
export {
  countSmsSegments,
  SMS_ENCODINGS,
  type SmsEncoding,
  type SmsSegmentCount,
} from '@touchpoint/language';
export * from './sms/twilio-adapter';
export * from './sms/smsru-adapter';
export * from './sms/delivery-receipt';
export * from './webhook/webhook-adapter';
export * from './webhook/webhook-signature';
export * from './webhook/post-signed-json';
export * from './call-center/call-center-push-adapter';
export * from './http/address-guard';
export * from './policy/delivery-policy';
export * from './policy/decide-delivery';
export * from './policy/frequency-caps';
export * from './policy/quiet-hours';
