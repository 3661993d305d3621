import {
  answerLost,
  rejectPermanently,
  retryLater,
  type RejectedOutcome,
  type RetryOutcome,
} from '../send-outcome';

/** The fields nodemailer puts on its errors. */
interface SmtpErrorLike {
  message?: string;
  code?: string;
  /** The socket call that failed (`connect` when the relay was never reached). */
  syscall?: string;
  responseCode?: number;
  response?: string;
}

// 552 is "exceeded storage allocation": a full mailbox, which usually clears, so it is soft.
const SOFT_5XX = new Set([552]);

/**
 * Hard bounce (5xx at RCPT/DATA: unknown user, rejected domain, policy) -> permanent; greylisting,
 * throttling (4xx), network and auth faults -> retry, and a network fault after connecting is an
 * answer lost. Auth faults are ours, not the recipient's, so they must not flag the contact point.
 */
export function classifySmtpError(error: unknown): RejectedOutcome | RetryOutcome {
  const smtp = (error ?? {}) as SmtpErrorLike;
  const detail = smtp.response ?? smtp.message ?? String(error);
  const code = smtp.responseCode;
  if (code !== undefined && code >= 500 && code < 600 && !SOFT_5XX.has(code)) {
    return rejectPermanently(`smtp ${code}: ${detail}`);
  }
  if (code !== undefined) return retryLater(`smtp ${code}: ${detail}`);
  const reason = `smtp ${smtp.code ?? 'error'}: ${detail}`;
  // No reply at all: unless the connection never opened, the relay may have stored the message
  // and only its "250" was lost. (nodemailer says `CONN` for any timeout, even one mid-DATA, so
  // only a failed `connect` or a failed name lookup count as "never reached".)
  const neverConnected = smtp.syscall === 'connect' || smtp.code === 'EDNS' || smtp.code === 'ECONNREFUSED';
  return neverConnected ? retryLater(reason) : answerLost(reason);
}
