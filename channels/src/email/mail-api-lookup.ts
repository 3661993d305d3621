import { z } from 'zod';
import type { AcceptedLookup, AcceptedQuery } from '../channel-adapter';
import { getJson } from '../http/get-json';
import { formatMessageId } from './message-id';

/** The part of Mailpit's `GET /api/v1/search` answer the lookup reads. */
const SearchAnswer = z.object({
  messages: z.array(z.object({ ID: z.string(), MessageID: z.string() })),
});

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
    const answer = await getJson(url, SearchAnswer, `mail API ${base}, searched by Message-ID,`);
    // Mailpit matches substrings; only the exact Message-ID is this send.
    const found = answer.messages.find((mail) => mail.MessageID.replace(/^<|>$/g, '') === messageId);
    return found ? { accepted: true, providerId: `<${messageId}>` } : { accepted: false };
  };
}
