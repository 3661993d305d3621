import { createHash } from 'node:crypto';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { segmentMemberships } from '@touchpoint/db';

const PAGE_SIZE = 5_000;

/** An email as ad platforms match it: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A phone as ad platforms match it: E.164 digits with the leading `+` (`+7 (912) 345-67-89` → `+79123456789`). */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 0 ? '' : `+${digits}`;
}

/** Lower-case hex SHA-256 of a normalized value; empty for none. */
export function hashForAudience(normalized: string): string {
  return normalized === '' ? '' : createHash('sha256').update(normalized).digest('hex');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const SEGMENT_CSV_HEADER = 'client_id,email_sha256,phone_sha256';

/** How many rows the export will have (for a progress bar: rows written ÷ this). */
export async function countSegmentExport(db: Executor, segmentId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(segmentMemberships)
    .where(and(eq(segmentMemberships.segmentId, segmentId), eq(segmentMemberships.isMember, true)));
  return row?.count ?? 0;
}

/**
 * A segment's members as CSV lines for a retargeting audience: the external id and the normalized,
 * SHA-256-hashed email and phone (what ad platforms ask for: no address leaves in clear). Pages by
 * client id, so a large segment streams in constant memory.
 */
export async function* exportSegmentCsv(db: Executor, segmentId: string): AsyncGenerator<string> {
  yield `${SEGMENT_CSV_HEADER}\n`;
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({ id: clients.id, externalId: clients.externalId, email: clients.email, phone: clients.phone })
      .from(segmentMemberships)
      .innerJoin(clients, eq(clients.id, segmentMemberships.clientId))
      .where(
        and(
          eq(segmentMemberships.segmentId, segmentId),
          eq(segmentMemberships.isMember, true),
          after === null ? undefined : gt(segmentMemberships.clientId, after),
        ),
      )
      .orderBy(asc(segmentMemberships.clientId))
      .limit(PAGE_SIZE);
    if (rows.length === 0) return;
    yield rows
      .map((row) =>
        [
          csvField(row.externalId),
          hashForAudience(row.email === null ? '' : normalizeEmail(row.email)),
          hashForAudience(row.phone === null ? '' : normalizePhone(row.phone)),
        ].join(','),
      )
      .join('\n')
      .concat('\n');
    after = rows.at(-1)!.id;
  }
}
