import {
  clientFacts,
  clients,
  enrollments,
  segmentMemberships,
  segments,
  type Executor,
} from '@touchpoint/db';
import { clientMatchesSql } from './client-search-text';
import { isClientOverdue } from '../client-facts/smart-trigger';
import { overdueSql } from '../segments/fact-sql';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';

/**
 * Segments computed from purchase facts at query time: `overdue` (seed 004: time since the last purchase
 * exceeds the mean interval), `buyer` / `nonBuyer`, `oneTime` (exactly one purchase), `repeat` (two or
 * more). Any other segment is read as `<attribute>:<value>` over the CRM attributes (`rfmCell:R3F3M3`).
 */
export const FACT_SEGMENTS = ['overdue', 'buyer', 'nonBuyer', 'oneTime', 'repeat'] as const;
export type FactSegment = (typeof FACT_SEGMENTS)[number];

/** `<attribute>:<value>`, the other form a client search's `segment` takes. */
export const ATTRIBUTE_SEGMENT = /^([A-Za-z_][\w.-]{0,99}):(.{1,200})$/;

/** What a search matches (each optional, all together) and where its page starts. */
export interface ClientSearch {
  /** Part of the name, external id, email or phone (case-insensitive, over the trigram index). */
  q?: string | undefined;
  /** A {@link FactSegment} or `<attribute>:<value>`. */
  segment?: string | undefined;
  /** Members of this stored segment, by key. */
  segmentKey?: string | undefined;
  /** Clients who entered this journey (any version, any status). */
  journeyId?: string | undefined;
  limit: number;
  /** The page starts after this external id. */
  afterExternalId?: string | undefined;
}

/** Same rule as `isClientOverdue`, in SQL, so a page never disagrees with the profile. */
const overdueNowSql = () => overdueSql(new Date());
const purchaseCountSql = sql`coalesce(${clientFacts.purchaseCount}, 0)`;

function segmentFilter(segment: string): SQL {
  switch (segment as FactSegment) {
    case 'overdue':
      return overdueNowSql();
    case 'buyer':
      return sql`${purchaseCountSql} > 0`;
    case 'nonBuyer':
      return sql`${purchaseCountSql} = 0`;
    case 'oneTime':
      return sql`${purchaseCountSql} = 1`;
    case 'repeat':
      return sql`${purchaseCountSql} >= 2`;
  }
  const [, key, value] = ATTRIBUTE_SEGMENT.exec(segment) ?? [];
  return sql`${clients.attributes} ->> ${key} = ${value}`;
}

const memberOfSegmentSql = (key: string) =>
  sql`exists (select 1 from ${segmentMemberships} join ${segments} on ${segments.id} = ${segmentMemberships.segmentId}
    where ${segmentMemberships.clientId} = ${clients.id} and ${segmentMemberships.isMember} and ${segments.key} = ${key})`;

const enteredJourneySql = (journeyId: string) =>
  sql`exists (select 1 from ${enrollments} where ${enrollments.clientId} = ${clients.id} and ${enrollments.journeyId} = ${journeyId})`;

/**
 * One page of the clients matching the search, by external id, each with its purchase facts, and the
 * external id the next page starts after (null on the last).
 */
export async function searchClients(db: Executor, search: ClientSearch) {
  const where = and(
    search.q === undefined ? undefined : clientMatchesSql(search.q),
    search.segment === undefined ? undefined : segmentFilter(search.segment),
    search.segmentKey === undefined ? undefined : memberOfSegmentSql(search.segmentKey),
    search.journeyId === undefined ? undefined : enteredJourneySql(search.journeyId),
    search.afterExternalId === undefined ? undefined : gt(clients.externalId, search.afterExternalId),
  );
  const rows = await db
    .select()
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(where)
    .orderBy(asc(clients.externalId))
    .limit(search.limit + 1);
  const page = rows.slice(0, search.limit);
  const now = new Date();
  const items = page.map(({ clients: client, client_facts: facts }) => ({
    ...client,
    name: typeof client.attributes['name'] === 'string' ? client.attributes['name'] : null,
    purchaseCount: facts?.purchaseCount ?? 0,
    lastPurchaseAt: facts?.lastPurchaseAt ?? null,
    expectedNextPurchaseAt: facts?.expectedNextPurchaseAt ?? null,
    isOverdue: facts === null ? false : isClientOverdue(facts, now),
  }));
  const last = page.at(-1);
  const nextAfter = rows.length > search.limit && last ? last.clients.externalId : null;
  return { items, nextAfter };
}
