import type { ChannelKind } from '@touchpoint/channels';
import {
  messages,
  type Executor,
  type MessageContent,
  type MessageRow,
  type MessageStatus,
} from '@touchpoint/db';
import { and, eq, gt, inArray, like, sql } from 'drizzle-orm';

/** Statuses meaning the provider accepted the message; a retry must return it, never resend. */
export const DELIVERED_STATUSES = [
  'sent',
  'delivered',
  'opened',
  'clicked',
] as const satisfies readonly MessageStatus[];
/** Statuses that end a visit without a send. */
export const FINAL_NON_SENT_STATUSES = ['skipped', 'unreachable'] as const satisfies readonly MessageStatus[];

/** One outbox row per (node visit, channel): `<idempotencyKey>#<channel>`. */
export function outboxKey(idempotencyKey: string, channel: ChannelKind): string {
  return `${idempotencyKey}#${channel}`;
}

/** All rows of one node visit, oldest first. */
export function findVisitRows(db: Executor, idempotencyKey: string): Promise<MessageRow[]> {
  const pattern = `${idempotencyKey.replace(/[\\%_]/g, (c) => `\\${c}`)}#%`;
  return db.select().from(messages).where(like(messages.idempotencyKey, pattern)).orderBy(messages.createdAt);
}

/** Fields of a new outbox row. */
export interface NewOutboxRow {
  idempotencyKey: string;
  clientId: string;
  enrollmentId: string | null;
  journeyId: string | null;
  journeyVersion: number | null;
  nodeId: string;
  channel: ChannelKind;
  templateId: string | null;
  content: MessageContent;
}

/**
 * Inserts the row in `status` unless it exists (same visit and channel); either way returns the row.
 * The insert happens before the provider is called, so a crash after it leaves a trace to resume.
 */
export async function claimOutboxRow(
  db: Executor,
  row: NewOutboxRow,
  status: MessageStatus,
  detail?: string,
): Promise<MessageRow> {
  const entry = { status, at: new Date().toISOString(), ...(detail ? { detail } : {}) };
  const [inserted] = await db
    .insert(messages)
    .values({ ...row, status, statusTimeline: [entry] })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db.select().from(messages).where(eq(messages.idempotencyKey, row.idempotencyKey));
  if (!existing) throw new Error(`outbox row ${row.idempotencyKey} vanished between insert and select`);
  return existing;
}

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

/** Sends to this client from any journey since `since`, for caps shared by all journeys. */
export async function listRecentSends(db: Executor, clientId: string, since: Date) {
  return db
    .select({ channel: messages.channel, sentAt: messages.sentAt })
    .from(messages)
    .where(
      and(
        eq(messages.clientId, clientId),
        inArray(messages.status, [...DELIVERED_STATUSES]),
        gt(messages.sentAt, since),
      ),
    );
}
