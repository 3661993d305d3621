import { z } from 'zod';
import type { AcceptedLookup, AcceptedQuery } from '../channel-adapter';
import { formatMessageId } from './message-id';

/** The part of Mailpit's `GET /api/v1/search` answer the lookup reads. */
const SearchAnswer = z.object({
  messages: z.array(z.object({ ID: z.string(), MessageID: z.string() })),
});

const LOOKUP_TIMEOUT_MS = 10_000;

/**
 * Asks a Mailpit-compatible HTTP API (Mailpit itself in docker-compose, the SMTP sandbox under
 * `npm start` and in tests) whether the relay accepted the message with this idempotency key. The
 * search is by Message-ID, which `formatMessageId` derives from the key, so the answer is exact.
 */
export function createMailApiLookup(
  apiUrl: string,
  messageIdDomain: string,
): (query: Pick<AcceptedQuery, 'messageId'>) => Promise<AcceptedLookup> {
  const base = apiUrl.replace(/\/+$/, '');
  return async ({ messageId: idempotencyKey }) => {
    const messageId = formatMessageId(idempotencyKey, messageIdDomain).slice(1, -1);
    const url = `${base}/api/v1/search?limit=50&query=${encodeURIComponent(`message-id:${messageId}`)}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    if (!response.ok) {
      throw new Error(`mail API ${base} answered ${response.status} to a Message-ID search`);
    }
    const answer = SearchAnswer.parse(await response.json());
    // Mailpit matches substrings; only the exact Message-ID is this send.
    const found = answer.messages.find((mail) => mail.MessageID.replace(/^<|>$/g, '') === messageId);
    return found ? { accepted: true, providerId: `<${messageId}>` } : { accepted: false };
  };
}
