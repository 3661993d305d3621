import type { ChannelKind } from '@touchpoint/channels';
import {
  messages,
  type Executor,
  type MessageContent,
  type MessageRow,
  type MessageStatus,
} from '@touchpoint/db';
import { eq } from 'drizzle-orm';

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
