import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { countSmsSegments } from '@touchpoint/language';
import { listenHttp } from './listen-http';
import { parseForm, readBody } from './read-body';
import { createReceiptDispatcher, DEFAULT_RECEIPT_SETTINGS } from './receipt-dispatcher';
import type { SandboxSms, SmsSandbox, SmsSandboxOptions } from './sandbox-types';
import { decideByRecipient, decideDeliveryByRecipient } from './sandbox-verdict';
import type { SmsInbox } from './sms-inbox';
import { waitFor } from './wait-for';
import { handleSmsRu } from './smsru-endpoint';
import { handleTwilio, listTwilioMessages } from './twilio-endpoint';

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
  const listening = await listenHttp(server, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    baseUrl: listening.baseUrl,
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
      await listening.stop();
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
