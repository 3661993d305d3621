import { sql } from 'drizzle-orm';
import type { Database } from '@touchpoint/db';
import { selectRows } from '../measurement/select-rows';

type SampleRow = { id: string; external_id: string; time_zone: string | null; at: string };

/** Where a checkpoint date is read from, as the journey language's `CheckpointRef` names it. */
export type CheckpointSampleSource =
  { source: 'expectedNextPurchase' } | { source: 'attribute'; attribute: string };

/** One real client with a checkpoint, for the builder to show what a timed step means in dates. */
export interface CheckpointSample {
  clientId: string;
  externalId: string;
  timeZone: string | null;
  checkpointAt: Date;
}

// A date attribute as the checkpoint reads it: an ISO date or date-time text (what CRM imports store).
const ISO_DATE_TEXT = '^\\d{4}-\\d{2}-\\d{2}';

/**
 * A client whose checkpoint is known, preferring one still ahead of `now` (the case a marketer plans
 * for). Each lookup is `LIMIT 1` without ordering, so it stops at the first match instead of sorting
 * the client base: any real client serves as the example.
 */
export async function getCheckpointSampleQuery(
  db: Database,
  ref: CheckpointSampleSource,
  now: Date,
): Promise<CheckpointSample | null> {
  for (const upcomingOnly of [true, false]) {
    const rows =
      ref.source === 'expectedNextPurchase'
        ? await selectRows<SampleRow>(
            db,
            sql`
            SELECT c.id, c.external_id, c.time_zone, f.expected_next_purchase_at::text AS at
            FROM client_facts f JOIN clients c ON c.id = f.client_id
            WHERE f.expected_next_purchase_at IS NOT NULL
              AND (${!upcomingOnly} OR f.expected_next_purchase_at >= ${now.toISOString()}::timestamptz)
            LIMIT 1`,
          )
        : await selectRows<SampleRow>(
            db,
            sql`
            SELECT id, external_id, time_zone, attributes->>${ref.attribute} AS at
            FROM clients
            WHERE attributes->>${ref.attribute} ~ ${ISO_DATE_TEXT}
              AND (${!upcomingOnly} OR attributes->>${ref.attribute} >= ${now.toISOString().slice(0, 10)})
            LIMIT 1`,
          );
    const [row] = rows;
    const at = row ? new Date(row.at) : null;
    if (row && at && !Number.isNaN(at.getTime())) {
      return { clientId: row.id, externalId: row.external_id, timeZone: row.time_zone, checkpointAt: at };
    }
  }
  return null;
}
