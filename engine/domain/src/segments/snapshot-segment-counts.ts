import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { segmentCounts, segmentMemberships, segments } from '@touchpoint/db';

/** The UTC day of a moment, as `YYYY-MM-DD`. */
export function utcDayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Writes (or rewrites) every segment's member count for `asOf`'s UTC day: one row per segment and day. */
export async function snapshotSegmentCounts(db: Executor, asOf: Date): Promise<void> {
  await db.execute(sql`
    insert into ${segmentCounts} (segment_id, day, members)
    select s.id, ${utcDayOf(asOf)}::date, count(m.client_id)::int
    from ${segments} s
    left join ${segmentMemberships} m on m.segment_id = s.id and m.is_member
    group by s.id
    on conflict (segment_id, day) do update set members = excluded.members`);
}
