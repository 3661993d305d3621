import {
  createCallCenterPushAdapter,
  createSmsRuAdapter,
  createSmtpAdapter,
  createTwilioAdapter,
  createWebhookAdapter,
  type ChannelAdapter,
  type EmailMessage,
  type SmsMessage,
} from '@touchpoint/channels';
import type { SendActivityDeps } from '@touchpoint/activities';
import { isSmsConfigured } from './channel-probes';
import type { AppConfig } from './config';

/**
 * Where a provider posts delivery receipts to the API published at `publicUrl`: Twilio's URL is
 * signed by Twilio; SMS.ru's carries `SMSRU_RECEIPT_SECRET`, since SMS.ru signs nothing.
 */
export function receiptUrl(publicUrl: string, provider: 'twilio'): string;
export function receiptUrl(publicUrl: string, provider: 'smsru', secret: string): string;
export function receiptUrl(publicUrl: string, provider: 'twilio' | 'smsru', secret?: string): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/v1/receipts/${provider}`;
  return secret === undefined ? base : `${base}/${encodeURIComponent(secret)}`;
}

/**
 * Builds the channel adapters the configuration names. Webhooks and call-center pushes are signed
 * with `signingSecret` (the tracking secret, as the README documents) and refuse private and
 * loopback targets unless WEBHOOK_ALLOW_PRIVATE is set; the push adapter exists only when
 * CALL_CENTER_PUSH_URL is set (call tasks are rows in Touchpoint's own queue either way).
 */
export function createChannelAdapters(
  config: AppConfig,
  signingSecret: string,
): SendActivityDeps['adapters'] {
  const signed = { secret: signingSecret, allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE };
  return {
    email: createEmailAdapter(config),
    // No provider settings and no sandbox: this deployment has no SMS channel (see isSmsConfigured).
    ...(isSmsConfigured(config) ? { sms: createSmsAdapter(config) } : {}),
    webhook: createWebhookAdapter(signed),
    ...(config.CALL_CENTER_PUSH_URL
      ? { call: createCallCenterPushAdapter({ ...signed, url: config.CALL_CENTER_PUSH_URL }) }
      : {}),
  };
}

function createEmailAdapter(config: AppConfig): ChannelAdapter<EmailMessage> {
  const smtp = new URL(config.SMTP_URL);
  return createSmtpAdapter({
    host: smtp.hostname,
    port: Number(smtp.port || 25),
    secure: smtp.protocol === 'smtps:',
    ...(smtp.username
      ? { auth: { user: decodeURIComponent(smtp.username), pass: decodeURIComponent(smtp.password) } }
      : {}),
    from: config.MAIL_FROM,
    messageIdDomain: new URL(config.PUBLIC_URL).hostname,
    ...(config.SMTP_API_URL ? { apiUrl: config.SMTP_API_URL } : {}),
  });
}

function createSmsAdapter(config: AppConfig): ChannelAdapter<SmsMessage> {
  const statusCallbackUrl = receiptUrl(config.PUBLIC_URL, 'twilio');
  switch (config.SMS_PROVIDER) {
    case 'twilio':
      return createTwilioAdapter({
        accountSid: config.TWILIO_ACCOUNT_SID ?? 'ACsandbox',
        authToken: config.TWILIO_AUTH_TOKEN ?? 'sandbox',
        from: config.TWILIO_FROM ?? 'Touchpoint',
        ...(config.SMS_API_URL ? { baseUrl: config.SMS_API_URL } : {}),
        statusCallbackUrl,
      });
    case 'smsru':
      return createSmsRuAdapter({
        apiId: config.SMSRU_API_ID ?? 'sandbox',
        ...(config.SMS_API_URL ? { baseUrl: config.SMS_API_URL } : {}),
      });
    default: {
      const unknown: never = config.SMS_PROVIDER;
      throw new Error(`unknown SMS provider ${String(unknown)}`);
    }
  }
}
