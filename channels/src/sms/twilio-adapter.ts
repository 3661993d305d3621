import type { ChannelAdapter } from '../channel-adapter';
import { parseRetryAfter, postRequest, type PostResponse } from '../http/post-request';
import type { SmsMessage } from '../outbound-message';
import { classifyRequestFailure } from '../http/request-fate';
import { rejectPermanently, retryLater, type SendOutcome } from '../send-outcome';
import { createTwilioLookup } from './twilio-lookup';

/** Twilio Programmable Messaging settings. */
export interface TwilioAdapterConfig {
  accountSid: string;
  authToken: string;
  /** Sender number (E.164) or alphanumeric id; ignored when `messagingServiceSid` is set. */
  from?: string;
  messagingServiceSid?: string;
  /** `https://api.twilio.com` in production; the sandbox URL in tests and the demo. */
  baseUrl?: string;
  /** Where Twilio posts delivery receipts. */
  statusCallbackUrl?: string;
  timeoutMs?: number;
}

// Error codes that describe the recipient, not the request: a retry can never succeed and the
// number should be flagged. https://www.twilio.com/docs/api/errors
const RECIPIENT_ERRORS = new Map<number, string>([
  [21211, 'invalid To number'],
  [21214, 'To number cannot be reached'],
  [21408, 'region not enabled for this number'],
  [21610, 'recipient replied STOP'],
  [21612, 'no route to this number'],
  [21614, 'To number is not a mobile number'],
]);

/** SMS through Twilio's REST API (`POST /2010-04-01/Accounts/{sid}/Messages.json`). */
export function createTwilioAdapter(config: TwilioAdapterConfig): ChannelAdapter<SmsMessage> {
  const base = (config.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    channel: 'sms',
    provider: 'twilio',
    findAccepted: createTwilioLookup(url, authorization),
    async send(message: SmsMessage): Promise<SendOutcome> {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      if (config.messagingServiceSid) form.set('MessagingServiceSid', config.messagingServiceSid);
      else if (config.from) form.set('From', config.from);
      if (config.statusCallbackUrl) form.set('StatusCallback', config.statusCallbackUrl);
      try {
        const response = await postRequest({
          url,
          headers: {
            authorization,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: form.toString(),
          timeoutMs: config.timeoutMs,
          allowPrivateTargets: true,
        });
        return classifyTwilioResponse(response);
      } catch (error) {
        return classifyRequestFailure('twilio', error);
      }
    },
    async close() {},
  };
}

/** 2xx -> sent; recipient errors and other 4xx -> rejected; 401/403, 429 and 5xx -> retry. */
export function classifyTwilioResponse(response: PostResponse): SendOutcome {
  const body = parseJson(response.text);
  if (response.status >= 200 && response.status < 300 && typeof body.sid === 'string') {
    return { kind: 'sent', providerId: body.sid };
  }
  const code = typeof body.code === 'number' ? body.code : undefined;
  const detail = `twilio ${response.status}${code ? ` (${code})` : ''}: ${String(body.message ?? response.text)}`;
  if (code !== undefined && RECIPIENT_ERRORS.has(code))
    return rejectPermanently(`${RECIPIENT_ERRORS.get(code)}: ${detail}`);
  if (response.status === 429 || response.status >= 500) {
    return retryLater(detail, parseRetryAfter(response.headers['retry-after']));
  }
  // Bad credentials are our configuration, not the recipient: retry until someone fixes them.
  if (response.status === 401 || response.status === 403) return retryLater(detail);
  return rejectPermanently(detail);
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
