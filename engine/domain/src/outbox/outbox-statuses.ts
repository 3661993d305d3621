import type { MessageStatus } from '@touchpoint/db';

/** Statuses meaning the provider accepted the message; a retry must return it, never resend. */
export const ACCEPTED_STATUSES = [
  'sent',
  'delivered',
  'opened',
  'clicked',
] as const satisfies readonly MessageStatus[];

/** Statuses that end a visit without a send. */
export const FINAL_NON_SENT_STATUSES = ['skipped', 'unreachable'] as const satisfies readonly MessageStatus[];

// Later states win: a late "delivered" receipt must not pull an opened message back.
const PROGRESS_RANK: Partial<Record<MessageStatus, number>> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  opened: 3,
  clicked: 4,
  bounced: 5,
};

/** Whether moving a row from `current` to `next` moves it forward (receipts and tracking hits only advance). */
export function isStatusAdvance(current: MessageStatus, next: MessageStatus): boolean {
  return (PROGRESS_RANK[next] ?? 0) > (PROGRESS_RANK[current] ?? 0);
}
