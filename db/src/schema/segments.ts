import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, moment, updatedAt } from './columns';
import { clients } from './clients';

/**
 * A named set of clients whose changes are events. `kind` says who decides membership: `rule` (a saved
 * segment, `rule` holds its `SegmentRule`), or one of the built-in families the segmentation job
 * classifies every client into: `rfm` (27 cells, `key` = `R1F3M3`), `lifecycle` (the grid's stages) and
 * `overdue` (seed 004's smart trigger). `key` is what journeys name (`properties.segment` of
 * `segment.entered` / `segment.left`) and never changes once created.
 */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    rule: jsonb('rule'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('segments_key_key').on(t.key)],
);

/**
 * Who is in a segment now. A row outlives a membership (`isMember` false after leaving) so `entries`
 * keeps counting: the n-th entry and its leaving are distinct transitions, and their event keys are
 * derived from (segment, client, n), which is what makes a recompute that is run twice emit each once.
 */
export const segmentMemberships = pgTable(
  'segment_memberships',
  {
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    isMember: boolean('is_member').notNull(),
    entries: integer('entries').notNull(),
    changedAt: moment('changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.segmentId, t.clientId] }),
    index('segment_memberships_client_idx').on(t.clientId),
    index('segment_memberships_members_idx')
      .on(t.segmentId, t.clientId)
      .where(sql`${t.isMember}`),
  ],
);

/** Members of each segment at the end of each day's full recompute: the count over time. */
export const segmentCounts = pgTable(
  'segment_counts',
  {
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    members: integer('members').notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.day] })],
);

/**
 * The business's segmentation rules (one row, id 1): RFM cut rules and the lifecycle grid's regions
 * (`SegmentationSettings`), and the RFM cut points the last full recompute derived from the base
 * (`RfmCutPoints`), which a purchase's incremental update classifies against.
 */
export const segmentationSettings = pgTable('segmentation_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').notNull(),
  rfmCutPoints: jsonb('rfm_cut_points'),
  updatedAt: updatedAt(),
});

export type SegmentRow = typeof segments.$inferSelect;
export type SegmentMembershipRow = typeof segmentMemberships.$inferSelect;
