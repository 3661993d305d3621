import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import type { ClientAttributes, ClientConsent } from '@touchpoint/db';

/** A client as written by `PUT /v1/clients/:id` or an import; absent (or null) fields keep their stored value. */
export interface ClientUpsert {
  externalId: string;
  email?: string | null;
  phone?: string | null;
  timeZone?: string | null;
  locale?: string | null;
  /** Merged into the stored attributes (top-level keys replace). */
  attributes?: ClientAttributes;
  /** Merged into the stored consent per channel. */
  consent?: ClientConsent;
}

/**
 * Creates or updates clients by external id and returns `externalId -> internal id` for all of them.
 * Rows are written in external-id order so concurrent batches touching the same clients lock in the
 * same order and cannot deadlock.
 */
export async function upsertClients(
  db: Executor,
  upserts: readonly ClientUpsert[],
): Promise<Map<string, string>> {
  const byExternalId = new Map(upserts.map((u) => [u.externalId, u]));
  const rows = [...byExternalId.values()].sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  if (rows.length === 0) return new Map();
  const written = await db
    .insert(clients)
    .values(
      rows.map((u) => ({
        externalId: u.externalId,
        email: u.email ?? null,
        phone: u.phone ?? null,
        timeZone: u.timeZone ?? null,
        locale: u.locale ?? null,
        attributes: u.attributes ?? {},
        consent: u.consent ?? {},
      })),
    )
    .onConflictDoUpdate({
      target: clients.externalId,
      set: {
        email: sql`coalesce(excluded.email, ${clients.email})`,
        phone: sql`coalesce(excluded.phone, ${clients.phone})`,
        timeZone: sql`coalesce(excluded.time_zone, ${clients.timeZone})`,
        locale: sql`coalesce(excluded.locale, ${clients.locale})`,
        attributes: sql`${clients.attributes} || excluded.attributes`,
        consent: sql`${clients.consent} || excluded.consent`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: clients.id, externalId: clients.externalId });
  return new Map(written.map((row) => [row.externalId, row.id]));
}

/**
 * Resolves external ids to internal ids, creating bare clients for ids not seen before (events may
 * arrive before the CRM sends the profile). Existing rows are not touched, so this never takes row locks
 * on hot clients.
 */
export async function ensureClients(
  db: Executor,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(externalIds)].sort();
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: clients.id, externalId: clients.externalId })
    .from(clients)
    .where(inArray(clients.externalId, ids));
  const result = new Map(found.map((row) => [row.externalId, row.id]));
  const missing = ids.filter((id) => !result.has(id));
  if (missing.length > 0) {
    await db
      .insert(clients)
      .values(missing.map((externalId) => ({ externalId })))
      .onConflictDoNothing({ target: clients.externalId });
    const created = await db
      .select({ id: clients.id, externalId: clients.externalId })
      .from(clients)
      .where(inArray(clients.externalId, missing));
    for (const row of created) result.set(row.externalId, row.id);
  }
  return result;
}
