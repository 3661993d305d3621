import type { ChannelKind } from './channel-kind';
import type { OutboundMessage } from './outbound-message';
import type { SendOutcome } from './send-outcome';

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
  /** Releases pooled connections. */
  close(): Promise<void>;
}
