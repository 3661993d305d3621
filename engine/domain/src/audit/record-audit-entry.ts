import type { Executor } from '@touchpoint/db';
import { auditEntries, type AuditEntryRow } from '@touchpoint/db';

export type NewAuditEntry = Pick<AuditEntryRow, 'action' | 'actor' | 'subject' | 'before' | 'after'>;

/** Appends one entry to the audit trail; pass the change's transaction so both land or neither. */
export async function recordAuditEntry(db: Executor, entry: NewAuditEntry): Promise<AuditEntryRow> {
  const [row] = await db.insert(auditEntries).values(entry).returning();
  if (!row) throw new Error('recordAuditEntry: no row returned');
  return row;
}
