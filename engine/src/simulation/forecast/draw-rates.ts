import type { IncomingEvent, IncomingPurchase } from '@touchpoint/domain';
import type { ForecastBehaviour } from '@touchpoint/language/api-contract';

type Rates = Extract<ForecastBehaviour, { kind: 'rates' }>;

/** A message sent during a simulated day, as the rates judge it. */
export interface SentMessage {
  id: string;
  channel: string;
  nodeId: string | null;
  clientExternalId: string;
}

/**
 * What the clients do about one day's messages under the marketer's rates: an email is opened with
 * `open`; an opened email or an SMS is clicked with `click`; a click is followed by a purchase with
 * `purchase`. Each answer carries its message (as a tracking hit would), so funnel attribution and
 * a wait on that message's outcome see it. Draws in the order given, so sorted input and the same
 * generator give the same answers. Pure.
 */
export function drawAnswers(
  sent: readonly SentMessage[],
  rates: Rates,
  random: () => number,
  at: Date,
): { events: IncomingEvent[]; purchases: IncomingPurchase[] } {
  const events: IncomingEvent[] = [];
  const purchases: IncomingPurchase[] = [];
  for (const message of sent) {
    const answer = (type: string) =>
      events.push({
        idempotencyKey: `forecast:${message.id}:${type}`,
        clientExternalId: message.clientExternalId,
        type,
        occurredAt: at,
        messageId: message.id,
        nodeId: message.nodeId,
        source: 'forecast',
      });
    let isClickable = message.channel === 'sms';
    if (message.channel === 'email' && random() < rates.open) {
      answer('email.opened');
      isClickable = true;
    }
    if (!isClickable || random() >= rates.click) continue;
    answer(`${message.channel}.clicked`);
    if (random() < rates.purchase)
      purchases.push({
        idempotencyKey: `forecast:${message.id}:purchase`,
        clientExternalId: message.clientExternalId,
        purchasedAt: at,
        value: 0,
        source: 'forecast',
      });
  }
  return { events, purchases };
}
