import type { Database } from '@touchpoint/db';
import { ATTRIBUTE_SEGMENT, FACT_SEGMENTS, searchClients } from '@touchpoint/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidFieldError } from '../../api-error';

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

// Cursors are opaque to callers: the last external id of the page, base64url-encoded.
const encodeCursor = (externalId: string) => Buffer.from(externalId, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (decoded === '' || encodeCursor(decoded) !== cursor) {
    throw invalidFieldError('querystring.cursor', 'not a cursor this API returned');
  }
  return decoded;
}

/** A page of the domain's `searchClients`, its cursor opaque to callers. */
async function searchClientPage(db: Database, query: ClientSearchQuery) {
  const { cursor, ...search } = query;
  const afterExternalId = cursor === undefined ? undefined : decodeCursor(cursor);
  const { items, nextAfter } = await searchClients(db, { ...search, afterExternalId });
  return { items, nextCursor: nextAfter === null ? null : encodeCursor(nextAfter) };
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
    async (request) => searchClientPage(db, request.query),
  );
};
