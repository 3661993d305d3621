import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { startMailSearchApi } from './mail-search-api';
import { decideByRecipient, type SandboxVerdictFn } from './sandbox-verdict';
import type { SandboxMail, SmtpSandbox, SmtpSandboxOptions } from './sandbox-types';
import { waitFor } from './wait-for';

/** Starts a real SMTP server (smtp-server + mailparser) on loopback that stores what it receives. */
export async function startSmtpSandbox(options: SmtpSandboxOptions = {}): Promise<SmtpSandbox> {
  const messages: SandboxMail[] = [];
  const waiters = new Set<() => void>();
  const verdict = options.verdict ?? decideByRecipient;
  if (options.directory) await mkdir(options.directory, { recursive: true });
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    size: 25 * 1024 * 1024,
    // On stop, idle pooled client connections are cut after this instead of the default 30 s wait.
    closeTimeout: 200,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'sandbox' }),
    onRcptTo: (address: SMTPServerAddress, _session, callback) =>
      callback(rcptError(verdict(address.address))),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        storeMessage(raw, to, options.directory).then(
          (mail) => {
            messages.push(mail);
            for (const wake of waiters) wake();
            if (options.replyDelayMs) setTimeout(callback, options.replyDelayMs);
            else callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  const api = await startMailSearchApi(() => messages, address.address, options.apiPort);
  return {
    host: address.address,
    port: address.port,
    apiUrl: api.url,
    listMessages: () => [...messages],
    getMessage: (id) => messages.find((mail) => mail.id === id),
    waitForCount: (count, timeoutMs = 30_000) => waitFor(() => messages.length >= count, waiters, timeoutMs),
    clear: () => void messages.splice(0),
    stop: async () => {
      await api.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function rcptError(verdict: ReturnType<SandboxVerdictFn>): Error | null {
  if (verdict === 'accept') return null;
  const error = Object.assign(
    new Error(verdict === 'reject' ? '5.1.1 Mailbox does not exist' : '4.7.1 Greylisted, try again later'),
    { responseCode: verdict === 'reject' ? 550 : 451 },
  );
  return error;
}

async function storeMessage(raw: Buffer, to: string[], directory: string | undefined): Promise<SandboxMail> {
  const parsed = await simpleParser(raw);
  const id = randomUUID();
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    return typeof value === 'string' ? value : null;
  };
  if (directory) await writeFile(path.join(directory, `${id}.eml`), raw);
  return {
    id,
    messageId: parsed.messageId ?? null,
    idempotencyKey: header('x-touchpoint-message-id'),
    from: parsed.from?.text ?? '',
    to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    listUnsubscribe: readRawHeader(parsed.headerLines, 'list-unsubscribe'),
    receivedAt: new Date().toISOString(),
    sizeBytes: raw.length,
  };
}

// mailparser turns List-Unsubscribe into an object ({ url, mail }); the raw line is what a reader wants.
function readRawHeader(lines: readonly { key: string; line: string }[], key: string): string | null {
  const line = lines.find((entry) => entry.key === key)?.line;
  return line ? line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ') : null;
}
