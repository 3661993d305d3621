import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { countSmsSegments } from '../sms/segments';
import { parseForm, readBody } from './read-body';
import {
  createReceiptDispatcher,
  DEFAULT_RECEIPT_SETTINGS,
  type ReceiptSettings,
  type SandboxReceipt,
} from './receipt-dispatcher';
import {
  decideByRecipient,
  decideDeliveryByRecipient,
  type SandboxDeliveryFn,
  type SandboxVerdictFn,
} from './sandbox-verdict';
import type { SmsInbox } from './sms-inbox';
import { waitFor } from './wait-for';
import { handleSmsRu } from './smsru-endpoint';
import { handleTwilio, listTwilioMessages } from './twilio-endpoint';

export { DEFAULT_RECEIPT_SETTINGS, SandboxReceipt, type ReceiptSettings } from './receipt-dispatcher';

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

/** Starts the loopback SMS provider sandbox. */
export async function startSmsSandbox(options: SmsSandboxOptions = {}): Promise<SmsSandbox> {
  const messages: SandboxSms[] = [];
  const waiters = new Set<() => void>();
  const receipts = createReceiptDispatcher({ ...DEFAULT_RECEIPT_SETTINGS, ...(options.receipts || {}) });
  const inbox: SmsInbox = {
    options,
    verdict: options.verdict ?? decideByRecipient,
    delivery: options.delivery ?? decideDeliveryByRecipient,
    list: () => messages,
    scheduleReceipts: (sms, planned) => {
      if (options.receipts !== false) receipts.schedule(sms, planned);
    },
    store(sms, providerId) {
      const { segments, encoding } = countSmsSegments(sms.body);
      const stored = {
        ...sms,
        id: randomUUID(),
        providerId,
        segments,
        encoding,
        receivedAt: new Date().toISOString(),
      };
      messages.push(stored);
      for (const wake of waiters) wake();
      return stored;
    },
  };
  const server = http.createServer((request, response) => {
    const answer = () =>
      route(inbox, request, response).catch((error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
      });
    if (options.responseDelayMs) setTimeout(() => void answer(), options.responseDelayMs);
    else void answer();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    baseUrl: `http://${address.address}:${address.port}`,
    listMessages: () => [...messages],
    getMessage: (id) => messages.find((sms) => sms.id === id),
    waitForCount: (count, timeoutMs = 30_000) => waitFor(() => messages.length >= count, waiters, timeoutMs),
    listReceipts: () => receipts.list(),
    waitForReceiptCount: (count, timeoutMs = 30_000) => receipts.waitForCount(count, timeoutMs),
    clear: () => {
      messages.splice(0);
      receipts.clear();
    },
    stop: async () => {
      await receipts.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

async function route(inbox: SmsInbox, request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const form = { ...parseForm(url.search.slice(1)), ...parseForm(await readBody(request)) };
  const twilio = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname);
  if (twilio && request.method === 'POST') {
    return handleTwilio(inbox, decodeURIComponent(twilio[1]!), request.headers.authorization, form, response);
  }
  if (twilio && request.method === 'GET') {
    return listTwilioMessages(
      inbox,
      decodeURIComponent(twilio[1]!),
      request.headers.authorization,
      url,
      response,
    );
  }
  if (url.pathname === '/sms/send') return handleSmsRu(inbox, form, response);
  response
    .writeHead(404, { 'content-type': 'application/json' })
    .end(JSON.stringify({ message: 'not found' }));
}
