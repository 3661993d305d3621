import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * The audit trail of changes made through the API to what governs every journey (delivery
 * settings today): who, what, and the values before and after. Written in the same transaction as
 * the change, so a change without its entry cannot exist; never updated or deleted.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What changed, as `<subject>.<verb>` (e.g. `delivery-settings.saved`). */
    action: text('action').notNull(),
    /** The API key that made the change: its name, or `admin` for the configured admin key. */
    actor: text('actor').notNull(),
    /** What the change is about, for a reader (e.g. `delivery settings version 3`). */
    subject: text('subject').notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_entries_created_at_idx').on(t.createdAt)],
);

export type AuditEntryRow = typeof auditEntries.$inferSelect;
