import type { Database, SQL } from '@touchpoint/db';
import {
  and,
  asc,
  clientFacts,
  clients,
  eq,
  clientMatchesSql,
  enrollments,
  gt,
  isClientOverdue,
  overdueSql,
  segmentMemberships,
  segments,
  sql,
} from '@touchpoint/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';

/**
 * Segments computed from purchase facts at query time: `overdue` (seed 004: time since the last purchase
 * exceeds the mean interval), `buyer` / `nonBuyer`, `oneTime` (exactly one purchase), `repeat` (two or
 * more). Any other segment is read as `<attribute>:<value>` over the CRM attributes (`rfmCell:R3F3M3`).
 */
export const FACT_SEGMENTS = ['overdue', 'buyer', 'nonBuyer', 'oneTime', 'repeat'] as const;
export type FactSegment = (typeof FACT_SEGMENTS)[number];

const ATTRIBUTE_SEGMENT = /^([A-Za-z_][\w.-]{0,99}):(.{1,200})$/;

export const ClientSearchQuery = z.strictObject({
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('part of the name, external id, email or phone (case-insensitive; a trigram index)'),
  segment: z
    .string()
    .refine(
      (s) => (FACT_SEGMENTS as readonly string[]).includes(s) || ATTRIBUTE_SEGMENT.test(s),
      `use one of ${FACT_SEGMENTS.join(', ')} or <attribute>:<value>`,
    )
    .optional()
    .describe(`one of ${FACT_SEGMENTS.join(', ')}, or \`<attribute>:<value>\` over the CRM attributes`),
  segmentKey: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('only members of this stored segment, by key (`R3F3M3`, a lifecycle stage, a saved segment)'),
  journeyId: z.uuid().optional().describe('only clients who entered this journey (any version, any status)'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('clients per page (1–500)'),
  cursor: z.string().max(400).optional().describe("the previous page's `nextCursor`"),
});
export type ClientSearchQuery = z.infer<typeof ClientSearchQuery>;

export const ClientSummary = z
  .object({
    id: z.string().describe("Touchpoint's id of the client"),
    externalId: z.string().describe("the client's id in your CRM"),
    name: z.string().nullable().describe('the `name` attribute; null when the CRM sent none'),
    email: z.string().nullable().describe('email address; null when unknown'),
    phone: z.string().nullable().describe('phone number in E.164; null when unknown'),
    attributes: z.record(z.string(), z.unknown()).describe('free-form attributes'),
    purchaseCount: z.number().int().describe('orders stored'),
    lastPurchaseAt: z.date().nullable().describe('when the last order was placed'),
    expectedNextPurchaseAt: z
      .date()
      .nullable()
      .describe('last order + mean interval; null with fewer than two orders'),
    isOverdue: z.boolean().describe('true once the expected next purchase has passed'),
  })
  .describe('one client of the page');

export const ClientSearchResponse = z
  .object({
    items: z.array(ClientSummary).describe('the page, by external id'),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last'),
  })
  .describe('one page of matching clients');

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

// Cursors are opaque to callers: the last external id of the page, base64url-encoded.
const encodeCursor = (externalId: string) => Buffer.from(externalId, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (decoded === '' || encodeCursor(decoded) !== cursor) {
    throw new ApiError('validation_failed', 'querystring.cursor: not a cursor this API returned', {
      issues: [{ path: 'querystring.cursor', message: 'not a cursor this API returned', code: 'custom' }],
    });
  }
  return decoded;
}

const memberOfSegmentSql = (key: string) =>
  sql`exists (select 1 from ${segmentMemberships} join ${segments} on ${segments.id} = ${segmentMemberships.segmentId}
    where ${segmentMemberships.clientId} = ${clients.id} and ${segmentMemberships.isMember} and ${segments.key} = ${key})`;

const enteredJourneySql = (journeyId: string) =>
  sql`exists (select 1 from ${enrollments} where ${enrollments.clientId} = ${clients.id} and ${enrollments.journeyId} = ${journeyId})`;

/**
 * Clients matching `q` (name, external id, email or phone, case-insensitive substring over the trigram
 * index), `segment`, `segmentKey` and `journeyId`, by external id.
 */
export async function searchClients(db: Database, query: ClientSearchQuery) {
  const where = and(
    query.q === undefined ? undefined : clientMatchesSql(query.q),
    query.segment === undefined ? undefined : segmentFilter(query.segment),
    query.segmentKey === undefined ? undefined : memberOfSegmentSql(query.segmentKey),
    query.journeyId === undefined ? undefined : enteredJourneySql(query.journeyId),
    query.cursor === undefined ? undefined : gt(clients.externalId, decodeCursor(query.cursor)),
  );
  const rows = await db
    .select()
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(where)
    .orderBy(asc(clients.externalId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
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
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.clients.externalId) : null;
  return { items, nextCursor };
}

/** `GET /v1/clients?q=&segment=&limit=&cursor=`: keyset-paginated client search. */
export const clientSearchRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/clients',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags: ['clients'],
        summary: 'Search clients',
        description:
          'Clients whose name, external id, email or phone contains `q`, in `segment` or the stored ' +
          'segment `segmentKey`, who entered `journeyId`, ordered by external id and paged by `cursor`.',
        querystring: ClientSearchQuery,
        response: { 200: ClientSearchResponse },
      },
    },
    async (request) => searchClients(db, request.query),
  );
};
