import { BlockedTargetError } from '../http/address-guard';
import { parseRetryAfter, postRequest } from '../http/post-request';
import { classifyRequestFailure } from '../http/request-fate';
import { rejectPermanently, retryLater, type SendOutcome } from '../send-outcome';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';

/** Signing and safety settings shared by the webhook and call-center push adapters. */
export interface SignedPostConfig {
  secret: string;
  /** Off by default: marketer-supplied URLs must not reach this host or the private network. */
  allowPrivateTargets?: boolean;
  timeoutMs?: number;
}

// Statuses worth another try: timeouts, too early, rate limits and server faults.
const RETRYABLE = new Set([408, 409, 425, 429]);

/**
 * POSTs signed JSON with the idempotency key in `Idempotency-Key`, so a receiver can drop the copy
 * a retry after a crash may deliver. 2xx -> sent, 4xx -> rejected, 5xx/timeouts -> retry. A target
 * the address guard refuses throws {@link BlockedTargetError}: that is this deployment refusing the
 * URL (a template or configuration fault), not the receiver refusing the client, so it must neither
 * be retried nor flag the client's contact point the way a rejection does.
 */
export async function postSignedJson(
  url: string,
  idempotencyKey: string,
  payload: unknown,
  config: SignedPostConfig,
): Promise<SendOutcome> {
  const body = JSON.stringify(payload);
  try {
    const response = await postRequest({
      url,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        [SIGNATURE_HEADER]: signWebhookBody(body, config.secret),
      },
      body,
      timeoutMs: config.timeoutMs,
      allowPrivateTargets: config.allowPrivateTargets ?? false,
    });
    const detail = `webhook ${response.status}: ${response.text.slice(0, 200)}`;
    if (response.status >= 200 && response.status < 300) {
      return { kind: 'sent', providerId: String(response.headers['x-request-id'] ?? idempotencyKey) };
    }
    if (RETRYABLE.has(response.status) || response.status >= 500) {
      return retryLater(detail, parseRetryAfter(response.headers['retry-after']));
    }
    return rejectPermanently(detail);
  } catch (error) {
    if (error instanceof BlockedTargetError) throw error;
    return classifyRequestFailure('webhook', error);
  }
}
