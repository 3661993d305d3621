import { boolean, doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { moment, updatedAt } from './columns';

/**
 * A client's group in one experiment (a journey's holdout, keyed `journey:<id>:<experiment>`, or the
 * global control group, `global`), written the first time the client enters it and never changed:
 * re-entry, continue-as-new, migration to a new version and restarts all read this row, so a client's
 * group cannot drift. `stratum` is the stratum key the client was balanced in at that moment.
 */
export const holdoutAssignments = pgTable(
  'holdout_assignments',
  {
    experimentKey: text('experiment_key').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    stratum: text('stratum').notNull(),
    isHoldout: boolean('is_holdout').notNull(),
    assignedAt: moment('assigned_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.experimentKey, t.clientId] })],
);

/**
 * Per (experiment, stratum): how many clients were assigned and how many of them held out. The row is
 * taken under a row lock when a new client is assigned, so concurrent entries of one stratum see each
 * other's counts and the stratum stays within one client of the share (`decideHoldout`).
 */
export const holdoutStrata = pgTable(
  'holdout_strata',
  {
    experimentKey: text('experiment_key').notNull(),
    stratum: text('stratum').notNull(),
    assigned: integer('assigned').notNull().default(0),
    heldOut: integer('held_out').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.experimentKey, t.stratum] })],
);

/**
 * The global control group's setting (one row, id 1): `share` of all clients kept out of every
 * promotional journey. Absent or 0: no global control group.
 */
export const globalControlSettings = pgTable('global_control_settings', {
  id: integer('id').primaryKey().default(1),
  share: doublePrecision('share').notNull().default(0),
  /** When the current share was set: the global report measures from here. */
  startedAt: moment('started_at').notNull().defaultNow(),
  updatedAt: updatedAt(),
});
