import { z } from 'zod';
import type { AcceptedLookup, AcceptedQuery } from '../channel-adapter';
import { getJson } from '../http/get-json';

/** The part of Twilio's `GET …/Messages.json` answer the lookup reads. */
const MessageList = z.object({
  messages: z.array(
    z.object({ sid: z.string(), to: z.string(), body: z.string(), date_created: z.string() }),
  ),
});

// Clocks of this host and Twilio's differ a little; a message created this much before the attempt
// began still counts as its own.
const CLOCK_SKEW_MS = 60_000;

/**
 * Asks Twilio whether it accepted the text an interrupted attempt handed over. Twilio keeps no key of
 * ours, so the lookup lists the messages to that number created since the attempt began and looks
 * for the same text: one client getting the very same text twice within minutes is the duplicate
 * this guards against, never a second send anyone wants.
 */
export function createTwilioLookup(
  messagesUrl: string,
  authorization: string,
): (query: AcceptedQuery) => Promise<AcceptedLookup> {
  return async ({ to, text, since }) => {
    if (text === undefined) throw new Error('twilio lookup needs the text that was sent');
    const from = new Date(since.getTime() - CLOCK_SKEW_MS);
    const params = new URLSearchParams({
      To: to,
      'DateSent>': from.toISOString().slice(0, 10),
      PageSize: '100',
    });
    const { messages } = await getJson(
      `${messagesUrl}?${params}`,
      MessageList,
      'twilio, searched for messages,',
      {
        authorization,
      },
    );
    const found = messages.find(
      (message) =>
        message.to === to && message.body === text && Date.parse(message.date_created) >= from.getTime(),
    );
    return found ? { accepted: true, providerId: found.sid } : { accepted: false };
  };
}
