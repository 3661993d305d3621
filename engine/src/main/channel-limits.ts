import type { ChannelKind } from '@touchpoint/language';

/** How hard one channel's send queue may push its provider. */
export interface ChannelLimit {
  /**
   * Sends a second on the channel's task queue, across every worker of the cluster (Temporal's
   * `maxTaskQueueActivitiesPerSecond`, enforced by the matching service): the provider's rate limit.
   */
  sendsPerSecond: number;
  /**
   * Sends in flight in one worker process (`maxConcurrentActivityTaskExecutions`). Each holds one
   * database connection for as long as its provider has the message (the visit's lease, see
   * `withVisitLease`), so the worker's pool is sized to their sum (`db-pool.ts`).
   */
  inFlight: number;
}

export type ChannelLimits = Record<ChannelKind, ChannelLimit>;

/**
 * What a deployment gets unless it sets the `<CHANNEL>_SENDS_PER_SECOND` / `<CHANNEL>_SENDS_IN_FLIGHT`
 * variables: a slow or throttled SMS provider backs up its own queue, never the email queue.
 */
export const DEFAULT_CHANNEL_LIMITS: ChannelLimits = {
  email: { sendsPerSecond: 50, inFlight: 10 },
  sms: { sendsPerSecond: 10, inFlight: 10 },
  call: { sendsPerSecond: 5, inFlight: 5 },
  webhook: { sendsPerSecond: 20, inFlight: 10 },
};

/** The configuration's per-channel variables, as `AppConfig` names them. */
export interface ChannelLimitSettings {
  EMAIL_SENDS_PER_SECOND: number;
  EMAIL_SENDS_IN_FLIGHT: number;
  SMS_SENDS_PER_SECOND: number;
  SMS_SENDS_IN_FLIGHT: number;
  CALL_SENDS_PER_SECOND: number;
  CALL_SENDS_IN_FLIGHT: number;
  WEBHOOK_SENDS_PER_SECOND: number;
  WEBHOOK_SENDS_IN_FLIGHT: number;
}

/** The limits a (validated) configuration sets for each channel queue. */
export function channelLimitsFrom(settings: ChannelLimitSettings): ChannelLimits {
  return {
    email: { sendsPerSecond: settings.EMAIL_SENDS_PER_SECOND, inFlight: settings.EMAIL_SENDS_IN_FLIGHT },
    sms: { sendsPerSecond: settings.SMS_SENDS_PER_SECOND, inFlight: settings.SMS_SENDS_IN_FLIGHT },
    call: { sendsPerSecond: settings.CALL_SENDS_PER_SECOND, inFlight: settings.CALL_SENDS_IN_FLIGHT },
    webhook: {
      sendsPerSecond: settings.WEBHOOK_SENDS_PER_SECOND,
      inFlight: settings.WEBHOOK_SENDS_IN_FLIGHT,
    },
  };
}
