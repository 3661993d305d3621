import {
  bigint,
  boolean,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The uplift's maintained sums (docs/metrics.md, "Uplift rollups"): per journey, version, drawn node
 * ('' = the whole journey), stratum and arm (`isControl`), one row per figure — `clients`,
 * `converted`, `revenue`, `revenueSquares`, `pastSpend`, `pastSpendSquares` (taxonomy version 0), and
 * `acted:<action>` and `engaged` (the taxonomy version the actions were counted with). The estimators
 * take exactly these sums, so a read at any volume sums a few hundred rows. A counter row is never
 * deleted; contributions refer to it by `id`.
 */
export const upliftCounters = pgTable(
  'uplift_counters',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    journeyId: uuid('journey_id').notNull(),
    taxonomyVersion: integer('taxonomy_version').notNull(),
    journeyVersion: integer('journey_version').notNull(),
    nodeId: text('node_id').notNull(),
    stratum: text('stratum').notNull(),
    isControl: boolean('is_control').notNull(),
    figure: text('figure').notNull(),
    n: numeric('n').notNull(),
  },
  (t) => [
    uniqueIndex('uplift_counters_id_key').on(t.id),
    primaryKey({
      name: 'uplift_counters_pkey',
      columns: [t.journeyId, t.taxonomyVersion, t.journeyVersion, t.nodeId, t.stratum, t.isControl, t.figure],
    }),
  ],
);

/**
 * What one client adds to the uplift counters, packed like `report_client_contributions`:
 * `counterIds[i]` (an `uplift_counters.id`) gets `ns[i]`. Recomputed with the report rollups, from the
 * same dirty-client marks, so a counter equals the raw recount once no client is pending.
 */
export const upliftClientContributions = pgTable('uplift_client_contributions', {
  clientId: uuid('client_id').primaryKey(),
  counterIds: bigint('counter_ids', { mode: 'number' }).array().notNull(),
  ns: numeric('ns').array().notNull(),
});
