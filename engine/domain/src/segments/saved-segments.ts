import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@touchpoint/db';
import { segmentMemberships, segments } from '@touchpoint/db';
import type { SegmentRow } from '@touchpoint/db';
import type { SegmentFamily } from './segment-events';
import { SegmentError } from './segment-error';
import { SegmentKey, SegmentRule, segmentsReadBy } from './segment-rule';

/** A saved segment as the API takes it. */
export const SegmentInput = z.strictObject({
  key: SegmentKey.describe('what journeys name: properties.segment of segment.entered / segment.left'),
  name: z.string().min(1).max(200).describe('what people read in the builder'),
  rule: SegmentRule,
});
export type SegmentInput = z.infer<typeof SegmentInput>;

/** A segment as the API answers it, with its members now. */
export interface SegmentSummary {
  id: string;
  key: string;
  name: string;
  family: SegmentFamily;
  rule: SegmentRule | null;
  members: number;
  createdAt: string;
  updatedAt: string;
}

async function memberCounts(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ segmentId: segmentMemberships.segmentId, members: count() })
    .from(segmentMemberships)
    .where(and(inArray(segmentMemberships.segmentId, [...ids]), eq(segmentMemberships.isMember, true)))
    .groupBy(segmentMemberships.segmentId);
  return new Map(rows.map((row) => [row.segmentId, row.members]));
}

function summarize(row: SegmentRow, members: number): SegmentSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    family: row.kind as SegmentFamily,
    rule: row.rule === null ? null : SegmentRule.parse(row.rule),
    members,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every segment, built-in ones included, by key, with member counts. */
export async function listSegments(db: Executor): Promise<SegmentSummary[]> {
  const rows = await db.select().from(segments).orderBy(asc(segments.kind), asc(segments.key));
  const counts = await memberCounts(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => summarize(row, counts.get(row.id) ?? 0));
}

/** One segment by id; `notFound` otherwise. */
export async function getSegment(db: Executor, id: string): Promise<SegmentSummary> {
  const [row] = await db.select().from(segments).where(eq(segments.id, id));
  if (!row) throw new SegmentError('notFound', `no segment has id ${id}`);
  return summarize(row, (await memberCounts(db, [id])).get(id) ?? 0);
}

async function assertReadableSegments(db: Executor, rule: SegmentRule, ownKey: string): Promise<void> {
  const named = [...new Set(segmentsReadBy(rule))];
  if (named.includes(ownKey))
    throw new SegmentError('unknownSegment', `the rule of "${ownKey}" cannot read itself`, 'rule');
  if (named.length === 0) return;
  const found = await db.select({ key: segments.key }).from(segments).where(inArray(segments.key, named));
  const missing = named.filter((key) => !found.some((row) => row.key === key));
  if (missing.length > 0)
    throw new SegmentError(
      'unknownSegment',
      `the rule names unknown segments: ${missing.join(', ')}`,
      'rule',
    );
}

/** Saves a new rule segment; members arrive with the next recompute (an estimate shows them at once). */
export async function createSegment(db: Executor, input: SegmentInput): Promise<SegmentSummary> {
  await assertReadableSegments(db, input.rule, input.key);
  const [row] = await db
    .insert(segments)
    .values({ key: input.key, name: input.name, kind: 'rule', rule: input.rule })
    .onConflictDoNothing({ target: segments.key })
    .returning();
  if (!row) throw new SegmentError('keyTaken', `a segment with key "${input.key}" exists`, 'key');
  return summarize(row, 0);
}

/** Renames a rule segment or changes its rule; the key stays (journeys name it). */
export async function updateSegment(
  db: Executor,
  id: string,
  input: Pick<SegmentInput, 'name' | 'rule'>,
): Promise<SegmentSummary> {
  const existing = await getSegment(db, id);
  if (existing.family !== 'rule')
    throw new SegmentError(
      'builtIn',
      `"${existing.key}" is built in: change the segmentation settings instead`,
    );
  await assertReadableSegments(db, input.rule, existing.key);
  const [row] = await db
    .update(segments)
    .set({ name: input.name, rule: input.rule, updatedAt: sql`now()` })
    .where(eq(segments.id, id))
    .returning();
  return summarize(row!, existing.members);
}

/** Deletes a rule segment with its memberships and counts (no `segment.left` events: it is gone). */
export async function deleteSegment(db: Executor, id: string): Promise<void> {
  const existing = await getSegment(db, id);
  if (existing.family !== 'rule') throw new SegmentError('builtIn', `"${existing.key}" is built in`);
  await db.delete(segments).where(eq(segments.id, id));
}
