import { messages, type Executor, type MessageContent, type MessageStatus } from '@touchpoint/db';
import { eq, sql } from 'drizzle-orm';

/** Appends a status to the row's timeline and makes it current (one UPDATE, no read). */
export async function recordStatus(
  db: Executor,
  id: string,
  status: MessageStatus,
  extra: { detail?: string; providerMessageId?: string; content?: MessageContent; at?: Date } = {},
): Promise<void> {
  // `at` is the activity's clock (injectable), so caps and timelines agree with the policy's "now".
  const now = extra.at ?? new Date();
  const entry = { status, at: now.toISOString(), ...(extra.detail ? { detail: extra.detail } : {}) };
  await db
    .update(messages)
    .set({
      status,
      statusTimeline: sql`${messages.statusTimeline} || ${JSON.stringify([entry])}::jsonb`,
      updatedAt: now,
      ...(extra.providerMessageId ? { providerMessageId: extra.providerMessageId, sentAt: now } : {}),
      ...(extra.content ? { content: extra.content } : {}),
    })
    .where(eq(messages.id, id));
}
