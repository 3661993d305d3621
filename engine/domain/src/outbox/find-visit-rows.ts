import { messages, type Executor, type MessageRow } from '@touchpoint/db';
import { like } from 'drizzle-orm';

/** All outbox rows of one node visit (one per channel tried), oldest first. */
export function findVisitRows(db: Executor, idempotencyKey: string): Promise<MessageRow[]> {
  const pattern = `${idempotencyKey.replace(/[\\%_]/g, (c) => `\\${c}`)}#%`;
  return db.select().from(messages).where(like(messages.idempotencyKey, pattern)).orderBy(messages.createdAt);
}
