import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { moment } from './columns';

/**
 * The columns that say which counter a number belongs to (docs/metrics.md, "Rollups").
 * - `taxonomyVersion` 0 holds figures no taxonomy decides (totals, visits, sends, conversions);
 *   otherwise the funnel taxonomy version the attribution was made with.
 * - `attribution` '' for figures no attribution rule decides, else `last` / `first` / `every`.
 * - `journeyVersion` 0 with `isSole` false: a client-level figure of a client reached in several
 *   versions, counted once for "every version". `isSole` true: the row counts for its version and for
 *   "every version" alike (enrollment-level figures, or a client reached in one version only).
 * - `nodeId` the drawn node, or the compiled step for `/stats` step figures; '' when none.
 * - `bucket` the figure's sub-key (a week, a depth, a histogram bucket, an edge); '' when none.
 * - `day` the UTC day that puts the count in a period (docs/metrics.md, "Periods"), or '-infinity' for
 *   the all-time row every contribution also adds to, so an all-time report reads one row per counter.
 */
const counterKey = {
  journeyId: uuid('journey_id').notNull(),
  day: date('day').notNull(),
  taxonomyVersion: integer('taxonomy_version').notNull(),
  attribution: text('attribution').notNull(),
  journeyVersion: integer('journey_version').notNull(),
  isSole: boolean('is_sole').notNull(),
  nodeId: text('node_id').notNull(),
  figure: text('figure').notNull(),
  bucket: text('bucket').notNull(),
};

/**
 * What one client adds to each counter, as last computed from its stored rows, packed into one row
 * per client: `counterIds[i]` (a `report_counters.id`) gets `ns[i]`. Recomputing a client subtracts
 * these from the counters, replaces the row, and adds the new ones, so a counter is always the sum of
 * its clients' contributions and equals the raw recount once no client is pending. One row (one index
 * entry) per client instead of one per counter it touches (~90 in the benchmark): at a million
 * clients that is the difference between a build of minutes and one of hours.
 */
export const reportClientContributions = pgTable('report_client_contributions', {
  clientId: uuid('client_id').primaryKey(),
  counterIds: bigint('counter_ids', { mode: 'number' }).array().notNull(),
  ns: numeric('ns').array().notNull(),
});

/** The sums reports read: one row per counter key (docs/metrics.md, "Rollups"). */
export const reportCounters = pgTable(
  'report_counters',
  {
    /** A short name for the key, which contributions refer to; a counter row is never deleted. */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    ...counterKey,
    n: numeric('n').notNull(),
  },
  (t) => [
    uniqueIndex('report_counters_id_key').on(t.id),
    primaryKey({
      name: 'report_counters_pkey',
      columns: [
        t.journeyId,
        t.day,
        t.taxonomyVersion,
        t.attribution,
        t.journeyVersion,
        t.isSole,
        t.nodeId,
        t.figure,
        t.bucket,
      ],
    }),
  ],
);

/**
 * Clients whose stored facts changed since their contributions were computed. Statement triggers on
 * every table a report reads insert here (custom migration); the refresher claims and recomputes them.
 */
export const rollupDirtyClients = pgTable(
  'rollup_dirty_clients',
  {
    clientId: uuid('client_id').primaryKey(),
    markedAt: moment('marked_at').notNull().defaultNow(),
  },
  (t) => [index('rollup_dirty_clients_marked_idx').on(t.markedAt)],
);

/**
 * One row (id 1): which taxonomy version the rollups are kept for, and the rebuild in progress.
 * `rebuildAfter` is the cursor of a rebuild walking every client by id (null: none running);
 * `isReady` says the taxonomy figures of `taxonomyVersion` are complete, `isBaseReady` that the
 * taxonomy-free figures have been built for every client at least once.
 */
export const reportRollupState = pgTable('report_rollup_state', {
  id: integer('id').primaryKey(),
  taxonomyVersion: integer('taxonomy_version').notNull(),
  rebuildAfter: uuid('rebuild_after'),
  isReady: boolean('is_ready').notNull(),
  isBaseReady: boolean('is_base_ready').notNull(),
  updatedAt: moment('updated_at').notNull().defaultNow(),
});

export type ReportRollupStateRow = typeof reportRollupState.$inferSelect;
