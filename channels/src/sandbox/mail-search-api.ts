import http from 'node:http';
import { listenHttp } from './listen-http';
import type { SandboxMail } from './sandbox-types';

/** A running HTTP API over the sandbox's mailbox. */
export interface MailSearchApi {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The slice of Mailpit's HTTP API the SMTP adapter's lookup uses — `GET /api/v1/search?query=
 * message-id:<id>` — over the sandbox's mailbox, so the demo and the tests exercise the same lookup
 * that runs against Mailpit in docker-compose. Like Mailpit, it answers from what the SMTP server
 * really stored, and it matches case-insensitive substrings.
 */
export async function startMailSearchApi(
  listMessages: () => readonly SandboxMail[],
  host: string,
  port = 0,
): Promise<MailSearchApi> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (request.method !== 'GET' || url.pathname !== '/api/v1/search') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const term = /^message-id:(\S+)$/i.exec((url.searchParams.get('query') ?? '').trim())?.[1];
    if (!term) {
      response
        .writeHead(400, { 'content-type': 'text/plain' })
        .end('the sandbox answers only "message-id:<id>" searches');
      return;
    }
    const wanted = term.replace(/^<|>$/g, '').toLowerCase();
    const found = listMessages().filter((mail) => mail.messageId?.toLowerCase().includes(wanted));
    const body = {
      total: listMessages().length,
      messages_count: found.length,
      start: 0,
      messages: found.map((mail) => ({
        ID: mail.id,
        MessageID: (mail.messageId ?? '').replace(/^<|>$/g, ''),
        Subject: mail.subject,
        To: mail.to.map((address) => ({ Name: '', Address: address })),
        Created: mail.receivedAt,
      })),
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  const { baseUrl, stop } = await listenHttp(server, port, host);
  return { url: baseUrl, stop };
}
