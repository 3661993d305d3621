import { answerLost, retryLater, type RetryOutcome } from '../send-outcome';

// Failures before a connection existed: the provider cannot have the request.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A request that failed without an HTTP answer: retry, and say whether the provider may have it
 * (a timeout or a reset after the body went out) or cannot (the connection never opened).
 */
export function classifyRequestFailure(provider: string, error: unknown): RetryOutcome {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reason = `${provider} request failed: ${message ?? String(error)}`;
  return code && NEVER_CONNECTED.has(code) ? retryLater(reason) : answerLost(reason);
}
