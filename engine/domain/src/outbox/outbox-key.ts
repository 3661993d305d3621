import type { ChannelKind } from '@touchpoint/channels';

/** One outbox row per (node visit, channel): `<idempotencyKey>#<channel>`. */
export function outboxKey(idempotencyKey: string, channel: ChannelKind): string {
  return `${idempotencyKey}#${channel}`;
}

/**
 * The visit number in an outbox key of `workflowId`: `<workflowId>:<enrollmentId>:<visitSeq>:<nodeId>#<channel>`,
 * or `<workflowId>:<visitSeq>:<nodeId>#<channel>` in histories before enrollment-scoped keys. An
 * enrollment id is a UUID, never all digits, so the first all-digit field after the workflow id is the visit.
 */
export function visitSeqOfOutboxKey(key: string, workflowId: string): number {
  const [first = '', second = ''] = key.slice(workflowId.length + 1).split(':');
  return Number(/^\d+$/.test(first) ? first : second);
}
