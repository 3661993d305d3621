import type http from 'node:http';
import { planTwilioReceipts } from './receipt-plans';
import { generateProviderId, type SmsInbox } from './sms-inbox';

function reply(
  response: http.ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function twilioError(
  response: http.ServerResponse,
  status: number,
  code: number,
  message: string,
  headers = {},
) {
  reply(
    response,
    status,
    { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    headers,
  );
}

function isAuthorized(inbox: SmsInbox, accountSid: string, authorization: string | undefined): boolean {
  const expected = inbox.options.twilio;
  if (!expected) return true;
  const token = `Basic ${Buffer.from(`${expected.accountSid}:${expected.authToken}`).toString('base64')}`;
  return authorization === token && accountSid === expected.accountSid;
}

/**
 * `GET /2010-04-01/Accounts/{sid}/Messages.json?To=…&DateSent>=YYYY-MM-DD`: the messages Twilio
 * holds for a number, newest first, as the SMS adapter's lookup reads them.
 */
export function listTwilioMessages(
  inbox: SmsInbox,
  accountSid: string,
  authorization: string | undefined,
  url: URL,
  response: http.ServerResponse,
): void {
  if (!isAuthorized(inbox, accountSid, authorization))
    return twilioError(response, 401, 20003, 'Authenticate');
  const to = url.searchParams.get('To');
  const sentFrom = url.searchParams.get('DateSent>');
  const messages = inbox
    .list()
    .filter((sms) => sms.provider === 'twilio' && (!to || sms.to === to))
    .filter((sms) => !sentFrom || sms.receivedAt.slice(0, 10) >= sentFrom)
    .reverse()
    .map((sms) => ({
      sid: sms.providerId,
      account_sid: accountSid,
      to: sms.to,
      from: sms.from,
      body: sms.body,
      status: 'sent',
      date_created: new Date(sms.receivedAt).toUTCString(),
      date_sent: new Date(sms.receivedAt).toUTCString(),
    }));
  reply(response, 200, { messages, page: 0, page_size: messages.length });
}

/** `POST /2010-04-01/Accounts/{sid}/Messages.json`, answered the way Twilio answers. */
export function handleTwilio(
  inbox: SmsInbox,
  accountSid: string,
  authorization: string | undefined,
  form: Record<string, string>,
  response: http.ServerResponse,
): void {
  const expected = inbox.options.twilio;
  if (!isAuthorized(inbox, accountSid, authorization))
    return twilioError(response, 401, 20003, 'Authenticate');
  const to = form.To ?? '';
  if (!/^\+[1-9]\d{6,14}$/.test(to))
    return twilioError(response, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (!form.Body) return twilioError(response, 400, 21602, 'Message body is required.');
  const statusCallback = form.StatusCallback;
  if (statusCallback !== undefined && !URL.canParse(statusCallback)) {
    return twilioError(response, 400, 21609, `Invalid StatusCallback url: ${statusCallback}`);
  }
  const verdict = inbox.verdict(to);
  if (verdict === 'reject')
    return twilioError(response, 400, 21614, `'To' number ${to} is not a valid mobile number`);
  if (verdict === 'tempfail')
    return twilioError(response, 429, 20429, 'Too Many Requests', { 'retry-after': '1' });
  const stored = inbox.store(
    { provider: 'twilio', to, from: form.From ?? form.MessagingServiceSid ?? null, body: form.Body },
    generateProviderId('twilio'),
  );
  if (statusCallback !== undefined) {
    // Twilio signs with the account's auth token: the configured one, else the one the request used.
    const authToken = expected?.authToken ?? basicAuthPassword(authorization);
    const target = { url: statusCallback, accountSid, authToken };
    inbox.scheduleReceipts(stored, planTwilioReceipts(stored, inbox.delivery(to), target));
  }
  reply(response, 201, {
    sid: stored.providerId,
    account_sid: accountSid,
    to,
    from: stored.from,
    body: stored.body,
    status: 'queued',
    num_segments: String(stored.segments),
    date_created: new Date(stored.receivedAt).toUTCString(),
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${stored.providerId}.json`,
  });
}

function basicAuthPassword(authorization: string | undefined): string {
  const encoded = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}
