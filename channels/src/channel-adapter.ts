import type { ChannelKind } from './channel-kind';
import type { OutboundMessage } from './outbound-message';
import type { SendOutcome } from './send-outcome';

/** The provider's answer to "did you accept this message?" (see `ChannelAdapter.findAccepted`). */
export type AcceptedLookup = { accepted: true; providerId: string } | { accepted: false };

/** What is known of a message whose send was cut short: enough for a provider to look it up. */
export interface AcceptedQuery {
  /** The idempotency key the message was sent under (mail: its Message-ID). */
  messageId: string;
  to: string;
  /** The text that was sent, for providers that can only be searched by recipient and content. */
  text?: string;
  /** When the interrupted attempt handed the message over. */
  since: Date;
}

/**
 * One provider behind one interface. Every adapter passes the shared contract suite
 * (`src/contract/`): sent on success, rejected for permanent refusals, retry for transient faults,
 * and never throws for an outcome it can classify.
 */
export interface ChannelAdapter<M extends OutboundMessage = OutboundMessage> {
  /** The channel this adapter delivers on. */
  readonly channel: ChannelKind;
  /** A short provider name for logs and the outbox (`smtp`, `twilio`, `smsru`, `webhook`). */
  readonly provider: string;
  send(message: M): Promise<SendOutcome>;
  /**
   * Asks the provider whether it already accepted the message an interrupted attempt handed over.
   * Only adapters whose provider can answer have it. The outbox asks before resending a send whose
   * outcome was lost (worker killed between the provider's "accepted" and the outbox's "sent"), so
   * that window costs a question instead of a duplicate. Throws when the provider cannot be asked:
   * the caller must not guess.
   */
  findAccepted?(query: AcceptedQuery): Promise<AcceptedLookup>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}
