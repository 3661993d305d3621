import type { ChannelAdapter } from '../channel-adapter';
import { postRequest } from '../http/post-request';
import type { SmsMessage } from '../outbound-message';
import { classifyRequestFailure } from '../http/request-fate';
import { rejectPermanently, retryLater, type SendOutcome } from '../send-outcome';

/** SMS.ru settings. */
export interface SmsRuAdapterConfig {
  apiId: string;
  /** Approved sender name; the account default when absent. */
  from?: string;
  /** `https://sms.ru` in production; the sandbox URL in tests and the demo. */
  baseUrl?: string;
  /** Sends nothing and charges nothing (SMS.ru `test=1`). */
  test?: boolean;
  timeoutMs?: number;
}

// https://sms.ru/api/send status codes. Recipient or message faults cannot succeed on retry; every
// other code (balance 201, daily limits 206/230-233, outage 220, credentials 200/300-302) clears
// with time or an operator's fix, so it is retried.
const PERMANENT = new Map<number, string>([
  [202, 'invalid recipient number'],
  [203, 'empty message text'],
  [204, 'sender name not approved'],
  [205, 'message too long'],
  [207, 'sending to this number is not allowed'],
  [209, 'number is in the stop list'],
]);

interface SmsRuNumberResult {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms_id?: string;
}

/** SMS through SMS.ru (`POST /sms/send` with `json=1`). Numbers go without the leading plus. */
export function createSmsRuAdapter(config: SmsRuAdapterConfig): ChannelAdapter<SmsMessage> {
  const url = `${(config.baseUrl ?? 'https://sms.ru').replace(/\/+$/, '')}/sms/send`;
  return {
    channel: 'sms',
    provider: 'smsru',
    async send(message: SmsMessage): Promise<SendOutcome> {
      const to = message.to.replace(/^\+/, '');
      const form = new URLSearchParams({ api_id: config.apiId, to, msg: message.body, json: '1' });
      if (config.from) form.set('from', config.from);
      if (config.test) form.set('test', '1');
      try {
        const response = await postRequest({
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          timeoutMs: config.timeoutMs,
          allowPrivateTargets: true,
        });
        if (response.status >= 500 || response.status === 429)
          return retryLater(`smsru http ${response.status}`);
        return classifySmsRuResponse(response.text, to);
      } catch (error) {
        return classifyRequestFailure('smsru', error);
      }
    },
    async close() {},
  };
}

/** Reads the per-number result first (the top level can say OK while the number failed). */
export function classifySmsRuResponse(text: string, to: string): SendOutcome {
  let body: {
    status?: string;
    status_code?: number;
    status_text?: string;
    sms?: Record<string, SmsRuNumberResult>;
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return retryLater(`smsru returned non-JSON: ${text.slice(0, 200)}`);
  }
  const result: SmsRuNumberResult = body.sms?.[to] ?? body;
  if (result.status === 'OK' && result.status_code === 100 && result.sms_id) {
    return { kind: 'sent', providerId: result.sms_id };
  }
  const code = result.status_code ?? -1;
  const detail = `smsru ${code}: ${result.status_text ?? 'unknown error'}`;
  const permanent = PERMANENT.get(code);
  return permanent ? rejectPermanently(`${permanent}: ${detail}`) : retryLater(detail);
}
