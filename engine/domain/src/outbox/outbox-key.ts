import type { ChannelKind } from '@touchpoint/channels';

/** One outbox row per (node visit, channel): `<idempotencyKey>#<channel>`. */
export function outboxKey(idempotencyKey: string, channel: ChannelKind): string {
  return `${idempotencyKey}#${channel}`;
}
