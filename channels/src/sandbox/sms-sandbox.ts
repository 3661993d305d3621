import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { countSmsSegments } from '../sms/segments';
import { parseForm, readBody } from './read-body';
import { decideByRecipient, type SandboxVerdictFn } from './sandbox-verdict';
import type { SmsInbox } from './sms-inbox';
import { waitFor } from './wait-for';
import { handleSmsRu } from './smsru-endpoint';
import { handleTwilio } from './twilio-endpoint';

/** One SMS the sandbox provider accepted. */
export const SandboxSms = z.object({
  id: z.string(),
  provider: z.enum(['twilio', 'smsru']),
  /** The id the provider answered with (Twilio `SM…` sid, SMS.ru `sms_id`). */
  providerId: z.string(),
  to: z.string(),
  from: z.string().nullable(),
  body: z.string(),
  segments: z.number().int(),
  encoding: z.enum(['gsm7', 'ucs2']),
  receivedAt: z.iso.datetime(),
});
export type SandboxSms = z.infer<typeof SandboxSms>;

export interface SmsSandboxOptions {
  host?: string;
  port?: number;
  verdict?: SandboxVerdictFn;
  /** Credentials the Twilio endpoint requires; any are accepted when absent. */
  twilio?: { accountSid: string; authToken: string };
  /** The api_id the SMS.ru endpoint requires; any is accepted when absent. */
  smsRuApiId?: string;
}

/** A running HTTP server emulating the Twilio and SMS.ru send endpoints. */
export interface SmsSandbox {
  /** `http://127.0.0.1:<port>`: the `baseUrl` for both adapters. */
  baseUrl: string;
  listMessages(): SandboxSms[];
  getMessage(id: string): SandboxSms | undefined;
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

/** Starts the loopback SMS provider sandbox. */
export async function startSmsSandbox(options: SmsSandboxOptions = {}): Promise<SmsSandbox> {
  const messages: SandboxSms[] = [];
  const waiters = new Set<() => void>();
  const inbox: SmsInbox = {
    options,
    verdict: options.verdict ?? decideByRecipient,
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
    route(inbox, request, response).catch((error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
    });
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
    clear: () => void messages.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(inbox: SmsInbox, request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const form = { ...parseForm(url.search.slice(1)), ...parseForm(await readBody(request)) };
  const twilio = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(url.pathname);
  if (twilio && request.method === 'POST') {
    return handleTwilio(inbox, decodeURIComponent(twilio[1]!), request.headers.authorization, form, response);
  }
  if (url.pathname === '/sms/send') return handleSmsRu(inbox, form, response);
  response
    .writeHead(404, { 'content-type': 'application/json' })
    .end(JSON.stringify({ message: 'not found' }));
}
