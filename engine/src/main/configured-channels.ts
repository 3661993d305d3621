import type { SendActivityDeps } from '@touchpoint/activities';
import { CHANNEL_KINDS, type ChannelKind } from '@touchpoint/language';

/**
 * The channels this deployment can send on: each one the configuration built an adapter for, and the
 * call-center queue, whose tasks live in the database whether or not they are also pushed elsewhere.
 * Publishing checks sends against this list, so a journey cannot promise a channel that would fail
 * its clients' runs with `ChannelNotConfigured`.
 */
export function configuredChannels(adapters: SendActivityDeps['adapters']): ChannelKind[] {
  return CHANNEL_KINDS.filter((channel) => channel === 'call' || adapters[channel] !== undefined);
}
