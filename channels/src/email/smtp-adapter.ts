import nodemailer from 'nodemailer';
import type { ChannelAdapter } from '../channel-adapter';
import type { EmailMessage } from '../outbound-message';
import type { SendOutcome } from '../send-outcome';
import { classifySmtpError } from './classify-smtp-error';
import { createMailApiLookup } from './mail-api-lookup';
import { formatMessageId } from './message-id';

/** SMTP relay settings. */
export interface SmtpAdapterConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); STARTTLS is negotiated when offered unless `ignoreTls`. */
  secure?: boolean;
  ignoreTls?: boolean;
  auth?: { user: string; pass: string };
  /** `"Brand <news@brand.example>"`. */
  from: string;
  /** Right-hand side of generated Message-IDs. */
  messageIdDomain: string;
  /** Pooled connections kept open to the relay. */
  maxConnections?: number;
  /**
   * Longest wait for the relay at any step (connect, greeting, each reply). Kept well below the send
   * activity's timeout, so an attempt is over before Temporal could start another one.
   */
  timeoutMs?: number;
  /**
   * Base URL of the relay's Mailpit-compatible HTTP API. When set, a send interrupted after the relay
   * may have accepted it is looked up there before it is sent again; when unset, it is sent again.
   */
  apiUrl?: string;
}

/** Header carrying the raw idempotency key, for sandboxes and bounce processing. */
export const IDEMPOTENCY_HEADER = 'X-Touchpoint-Message-Id';

const DEFAULT_TIMEOUT_MS = 30_000;

/** Email over SMTP through a pooled nodemailer transport. */
export function createSmtpAdapter(config: SmtpAdapterConfig): ChannelAdapter<EmailMessage> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    ignoreTLS: config.ignoreTls ?? false,
    auth: config.auth,
    pool: true,
    maxConnections: config.maxConnections ?? 5,
    maxMessages: Infinity,
    connectionTimeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    greetingTimeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    socketTimeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const findAccepted = config.apiUrl ? createMailApiLookup(config.apiUrl, config.messageIdDomain) : undefined;
  return {
    channel: 'email',
    provider: 'smtp',
    ...(findAccepted ? { findAccepted } : {}),
    async send(message: EmailMessage): Promise<SendOutcome> {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: formatMessageId(message.messageId, config.messageIdDomain),
          headers: { ...message.headers, [IDEMPOTENCY_HEADER]: message.messageId },
        });
        if (info.rejected.length > 0)
          return classifySmtpError({ responseCode: 550, response: info.response });
        return { kind: 'sent', providerId: info.messageId };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
