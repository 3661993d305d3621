import { sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { clients } from '@touchpoint/db';
import { segmentMemberships, segments } from '@touchpoint/db';

/**
 * Who is in a segment, for journeys (a schedule's audience, a condition on a segment): the stored
 * memberships the recompute and each purchase keep (`segment_memberships`, never rules evaluated again
 * here), and the clients whose attributes name it — segments a CRM supplies, which the product does not
 * compute (`segments` list, `rfmCell`, `lifecycleStage`).
 */

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The segments a client's attributes name. */
export function segmentsNamedByAttributes(attributes: Record<string, unknown>): string[] {
  const named = [attributes.rfmCell, attributes.lifecycleStage].filter(
    (value): value is string => typeof value === 'string',
  );
  return [...new Set([...stringList(attributes.segments), ...named])];
}

/** Every segment a client is in: stored memberships, then those the attributes name. */
export async function readClientSegments(
  db: Executor,
  clientId: string,
  attributes: Record<string, unknown>,
): Promise<string[]> {
  const stored = await db.execute(sql`
    select s.key from ${segmentMemberships} m join ${segments} s on s.id = m.segment_id
    where m.client_id = ${clientId}::uuid and m.is_member order by s.key`);
  const keys = (stored as unknown as { rows: { key: string }[] }).rows.map((row) => row.key);
  return [...new Set([...keys, ...segmentsNamedByAttributes(attributes)])];
}

/**
 * A page of a segment's members' client ids in id order, after `after`: each road read in id order
 * from its own index (the members index of `segment_memberships`, the clients' primary key), merged.
 */
export async function loadSegmentMemberPage(
  db: Executor,
  segmentKey: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const afterStored = after === null ? sql`true` : sql`m.client_id > ${after}::uuid`;
  const afterNamed = after === null ? sql`true` : sql`${clients.id} > ${after}::uuid`;
  const result = await db.execute(sql`
    select id from (
      (select m.client_id as id from ${segmentMemberships} m join ${segments} s on s.id = m.segment_id
        where s.key = ${segmentKey} and m.is_member and ${afterStored}
        order by m.client_id limit ${limit})
      union
      (select ${clients.id} as id from ${clients}
        where (${clients.attributes} -> 'segments' ? ${segmentKey}
          or ${clients.attributes} ->> 'rfmCell' = ${segmentKey}
          or ${clients.attributes} ->> 'lifecycleStage' = ${segmentKey})
          and ${afterNamed}
        order by ${clients.id} limit ${limit})
    ) members order by id limit ${limit}`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}
