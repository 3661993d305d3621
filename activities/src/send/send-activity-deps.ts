import type {
  CallMessage,
  ChannelAdapter,
  ChannelKind,
  DeliveryPolicy,
  OutboundMessage,
  TrackingConfig,
} from '@touchpoint/channels';
import type { Database } from '@touchpoint/db';

/**
 * What the send activities need. `adapters.call` is optional: call tasks are rows either way, the
 * adapter only pushes them to an external call-center system as well.
 */
export interface SendActivityDeps {
  db: Database;
  adapters: { [K in ChannelKind]?: ChannelAdapter<Extract<OutboundMessage, { channel: K }>> } & {
    call?: ChannelAdapter<CallMessage>;
  };
  /**
   * The caps, quiet hours and default time zone sends obey: fixed (tests), or read before each send
   * decision (the product reads the current saved version, so a saved change applies to the next send).
   */
  policy: DeliveryPolicy | (() => Promise<DeliveryPolicy>);
  tracking: TrackingConfig;
  unsubscribeMailto?: string;
  now: () => Date;
  /** Aborts when the visit's lease is lost (its connection dropped): hand nothing more to a provider. */
  leaseLost?: AbortSignal;
}

/** The provider's name for the outbox timeline: the adapter's, or what stands in for one. */
export function providerOf(deps: SendActivityDeps, channel: ChannelKind): string {
  return deps.adapters[channel]?.provider ?? (channel === 'call' ? 'call-center queue' : channel);
}

/** The policy in force for this send decision. */
export async function currentPolicy(deps: SendActivityDeps): Promise<DeliveryPolicy> {
  return typeof deps.policy === 'function' ? deps.policy() : deps.policy;
}
