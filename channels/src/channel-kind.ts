/** Channels are a set of the journey language (its one home); adapters and policies name them from here. */
export { CHANNEL_KINDS, ChannelKind } from '@touchpoint/language';
