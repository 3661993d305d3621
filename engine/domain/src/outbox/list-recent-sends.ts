import { messages, type Executor } from '@touchpoint/db';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { ACCEPTED_STATUSES } from './outbox-statuses';

/** Sends to this client from any journey since `since`, for caps shared by all journeys. */
export async function listRecentSends(db: Executor, clientId: string, since: Date) {
  return db
    .select({ channel: messages.channel, sentAt: messages.sentAt })
    .from(messages)
    .where(
      and(
        eq(messages.clientId, clientId),
        inArray(messages.status, [...ACCEPTED_STATUSES]),
        gt(messages.sentAt, since),
      ),
    );
}
