import type { ChannelKind } from '../channel-kind';

// The policy's shape is the journey language's (the API stores it, the builder edits it); the
// decision over it is this package's.
export { DeliveryPolicy, FrequencyCap, QuietWindow, isKnownTimeZone } from '@touchpoint/language';

/** What the policy knows about the recipient. */
export interface PolicyClient {
  timeZone: string | null;
  /** Consent per channel; a channel missing here has none (not granted). */
  consent: Partial<Record<ChannelKind, { status: 'granted' | 'denied' }>>;
  /** The address each channel would use, null when the client has none. */
  contactPoints: Partial<Record<ChannelKind, string | null>>;
  /** Channels whose current contact point hard-failed before (hard bounce, bad number). */
  flaggedChannels: readonly ChannelKind[];
}

/** A message already sent to this client, from any journey. */
export interface SentRecord {
  channel: ChannelKind;
  sentAt: Date;
}

/** Why a channel or a whole send was not used. */
export const POLICY_REASONS = [
  'opted-out',
  'no-contact-point',
  'contact-point-flagged',
  'channel-cap',
  'overall-cap',
  'quiet-hours',
] as const;
export type PolicyReason = (typeof POLICY_REASONS)[number];

/** One channel passed over, with the reason (for the timeline). */
export interface ChannelRefusal {
  channel: ChannelKind;
  reason: PolicyReason;
  detail: string;
}

/**
 * The policy's verdict for one send. `send` names the channel to use; `defer` says until when
 * (quiet hours, mode `defer`); `skip` and `unreachable` carry every refusal that led there.
 * Unreachable means no channel has a usable contact point; any other refusal makes it a skip.
 */
export type DeliveryDecision =
  | { action: 'send'; channel: ChannelKind; passedOver: ChannelRefusal[] }
  | {
      action: 'defer';
      channel: ChannelKind;
      until: Date;
      reason: 'quiet-hours';
      detail: string;
      passedOver: ChannelRefusal[];
    }
  | { action: 'skip'; reason: PolicyReason; detail: string; passedOver: ChannelRefusal[] }
  | { action: 'unreachable'; detail: string; passedOver: ChannelRefusal[] };
