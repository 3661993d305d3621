import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { auditEntries, type AuditEntryRow } from '@touchpoint/db';

export interface ListAuditEntriesQuery {
  /** Only entries of this action (e.g. `delivery-settings.saved`). */
  action?: string;
  limit: number;
}

/** The latest audit entries, newest first. */
export async function listAuditEntriesQuery(
  db: Executor,
  query: ListAuditEntriesQuery,
): Promise<AuditEntryRow[]> {
  return db
    .select()
    .from(auditEntries)
    .where(query.action === undefined ? undefined : eq(auditEntries.action, query.action))
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(query.limit);
}
