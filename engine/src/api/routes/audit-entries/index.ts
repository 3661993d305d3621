import { listAuditEntriesQuery } from '@touchpoint/domain';
import { type Database } from '@touchpoint/db';
import { AuditEntry } from '@touchpoint/language/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const AuditEntriesQuery = z.strictObject({
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('only entries of this action (e.g. `delivery-settings.saved`)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .describe('how many entries, newest first (1–200)'),
});

const AuditEntryList = z
  .object({ entries: z.array(AuditEntry).describe('the latest changes, newest first') })
  .describe('a page of the audit trail');

/** The audit trail of API changes (`admin`): who changed what, with the values before and after. */
export const auditEntryRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/audit-entries',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['settings'],
        summary: 'The audit trail',
        description:
          'Changes made through the API to what governs every journey (delivery settings), newest ' +
          'first: the action, the API key that made it, and the values before and after.',
        querystring: AuditEntriesQuery,
        response: { 200: AuditEntryList },
      },
    },
    async (request) => {
      const rows = await listAuditEntriesQuery(db, request.query);
      return {
        entries: rows.map((row) => ({
          id: row.id,
          action: row.action,
          actor: row.actor,
          subject: row.subject,
          before: row.before,
          after: row.after,
          at: row.createdAt.toISOString(),
        })),
      };
    },
  );
};
