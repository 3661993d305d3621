import { z } from 'zod';
import type { SandboxDeliveryFn, SandboxVerdictFn } from './sandbox-verdict';

/**
 * What the loopback sandboxes hold and how they are started and read: a leaf of types every sandbox
 * file imports, so the servers, their endpoints and their receipts never import each other in a circle.
 */

/** One message the sandbox SMTP server accepted (every copy is kept: duplicates stay visible). */
export const SandboxMail = z
  .object({
    id: z.string().describe("the sandbox's id of the mail"),
    messageId: z.string().nullable().describe('its `Message-ID` header'),
    idempotencyKey: z.string().nullable().describe("its `X-Touchpoint-Message-Id` header: the send's key"),
    from: z.string().describe('the sender'),
    to: z.array(z.string()).describe('the recipients'),
    subject: z.string().describe('the subject line'),
    text: z.string().describe('the plain-text part'),
    html: z.string().nullable().describe('the HTML part; null when none'),
    listUnsubscribe: z.string().nullable().describe('its `List-Unsubscribe` header'),
    receivedAt: z.iso.datetime().describe('when the sandbox received it'),
    sizeBytes: z.number().int().describe('its size as sent'),
  })
  .describe('a mail the sandbox SMTP server received');
export type SandboxMail = z.infer<typeof SandboxMail>;

export interface SmtpSandboxOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Port of the Mailpit-compatible search API; 0 (default) picks a free port. */
  apiPort?: number;
  /** Also writes each message as `<id>.eml` here. */
  directory?: string;
  verdict?: SandboxVerdictFn;
  /**
   * Holds the "250 accepted" answer this long after the message is stored, like a relay that
   * fsyncs and scans before answering. Tests use it to widen the window in which the relay has a
   * message its sender has not yet heard about.
   */
  replyDelayMs?: number;
}

/** A running loopback SMTP server. */
export interface SmtpSandbox {
  host: string;
  port: number;
  /** Base URL of the Mailpit-compatible search API (the SMTP adapter's `apiUrl`). */
  apiUrl: string;
  listMessages(): SandboxMail[];
  getMessage(id: string): SandboxMail | undefined;
  /** Resolves once at least `count` messages have arrived. */
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

/** One SMS the sandbox provider accepted. */
export const SandboxSms = z
  .object({
    id: z.string().describe("the sandbox's id of the SMS"),
    provider: z.enum(['twilio', 'smsru']).describe('the provider API it was sent through'),
    /** The id the provider answered with (Twilio `SM…` sid, SMS.ru `sms_id`). */
    providerId: z.string().describe('the id the provider answered with (Twilio sid, SMS.ru sms_id)'),
    to: z.string().describe('the recipient number'),
    from: z.string().nullable().describe('the sender; null when the provider picks it'),
    body: z.string().describe('the text'),
    segments: z.number().int().describe('SMS it is billed as'),
    encoding: z.enum(['gsm7', 'ucs2']).describe('gsm7 or ucs2'),
    receivedAt: z.iso.datetime().describe('when the sandbox received it'),
  })
  .describe('an SMS the sandbox provider received');
export type SandboxSms = z.infer<typeof SandboxSms>;

export interface SmsSandboxOptions {
  host?: string;
  port?: number;
  verdict?: SandboxVerdictFn;
  /** Credentials the Twilio endpoint requires; any are accepted when absent. */
  twilio?: { accountSid: string; authToken: string };
  /** The api_id the SMS.ru endpoint requires; any is accepted when absent. */
  smsRuApiId?: string;
  /**
   * Where SMS.ru-style status callbacks go: SMS.ru takes it from the account settings, not from the
   * send request. Without it SMS.ru sends get no receipts. (Twilio sends name their own
   * `StatusCallback`; without one they get none either, as with Twilio.)
   */
  smsRuCallbackUrl?: string;
  /** What becomes of accepted messages (default: `decideDeliveryByRecipient`). */
  delivery?: SandboxDeliveryFn;
  /**
   * Receipt timing and retries (default: `DEFAULT_RECEIPT_SETTINGS`, about 100 ms per receipt);
   * `false` sends none, for tests that post receipts by hand or look at a message before any arrives.
   */
  receipts?: Partial<ReceiptSettings> | false;
  /** Answers each request this much later, like a provider under load. */
  responseDelayMs?: number;
}

/** A running HTTP server emulating the Twilio and SMS.ru send endpoints. */
export interface SmsSandbox {
  /** `http://127.0.0.1:<port>`: the `baseUrl` for both adapters. */
  baseUrl: string;
  listMessages(): SandboxSms[];
  getMessage(id: string): SandboxSms | undefined;
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  /** Delivery receipts posted so far (and those given up on), oldest first. */
  listReceipts(): SandboxReceipt[];
  /** Resolves once at least `count` receipts were posted or given up on. */
  waitForReceiptCount(count: number, timeoutMs?: number): Promise<void>;
  /** Forgets messages and receipts (receipts still pending are posted and kept). */
  clear(): void;
  /** Cancels receipts not yet posted, then closes the server. */
  stop(): Promise<void>;
}

/** One delivery receipt the SMS sandbox posted (or gave up posting) to a receiver. */
export const SandboxReceipt = z.object({
  id: z.string(),
  provider: z.enum(['twilio', 'smsru']),
  /** The SMS it reports on: `SandboxSms.id` and the provider id the receiver knows it by. */
  messageId: z.string(),
  providerId: z.string(),
  url: z.string(),
  /** Twilio's `MessageStatus` word or SMS.ru's status code. */
  status: z.string(),
  form: z.record(z.string(), z.string()),
  /** `posted` once the receiver acknowledged it; `failed` when the last attempt was refused too. */
  outcome: z.enum(['posted', 'failed']),
  attempts: z.number().int(),
  /** The receiver's last HTTP status; null when it could not be reached at all. */
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  postedAt: z.iso.datetime(),
});
export type SandboxReceipt = z.infer<typeof SandboxReceipt>;

/** When and how persistently the sandbox posts receipts. */
export interface ReceiptSettings {
  /** Pause before each receipt of a message (the first follows the send by this much). */
  delayMs: number;
  /** Tries per receipt before it is logged and given up. */
  attempts: number;
  /** Pause before the first retry; doubles for each further one. */
  retryDelayMs: number;
  /** Per-request timeout. */
  timeoutMs: number;
  log: (line: string) => void;
}
