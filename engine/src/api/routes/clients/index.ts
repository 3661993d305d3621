import type { Database } from '@touchpoint/db';
import { ChannelConsent, clientFacts, clients, eq, isClientOverdue, upsertClients } from '@touchpoint/db';
import { ChannelKind } from '@touchpoint/language';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ApiErrorBody } from '../../api-error';
import { ClientExternalId } from '../../input-bounds';
import { hasScope } from '../../plugins/auth';

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A client profile as written by the CRM; omitted fields keep their stored value. */
export const ClientProfileBody = z.strictObject({
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'use E.164, e.g. +15551234567')
    .optional(),
  timeZone: z
    .string()
    // Intl accepts aliases (Asia/Kolkata) that supportedValuesOf leaves out of its canonical list.
    .refine(isKnownTimeZone, 'unknown IANA time zone')
    .optional(),
  locale: z.string().min(2).max(35).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  consent: z.partialRecord(ChannelKind, ChannelConsent).optional(),
});

const ClientParams = z.object({ id: ClientExternalId });

/** A client with their purchase facts (null before the first purchase). */
export const ClientProfile = z.object({
  id: z.string(),
  externalId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string().nullable(),
  locale: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  consent: z.record(z.string(), z.unknown()),
  facts: z
    .object({
      purchaseCount: z.number(),
      totalValue: z.number(),
      averageValue: z.number().nullable(),
      lastPurchaseAt: z.date().nullable(),
      meanIntervalDays: z.number().nullable(),
      expectedNextPurchaseAt: z.date().nullable(),
      isOverdue: z.boolean(),
    })
    .nullable(),
});

/** What a write answers to a key that may not read clients (an ingestion key): no client data. */
export const ClientWriteReceipt = z.object({ id: z.string(), externalId: z.string() });

async function getClientProfile(db: Database, externalId: string): Promise<z.infer<typeof ClientProfile>> {
  const [row] = await db
    .select()
    .from(clients)
    .leftJoin(clientFacts, eq(clientFacts.clientId, clients.id))
    .where(eq(clients.externalId, externalId));
  if (row === undefined) throw new ApiError('not_found', `params.id: no client "${externalId}"`);
  const { client_facts: facts, clients: client } = row;
  return {
    ...client,
    facts: facts === null ? null : { ...facts, isOverdue: isClientOverdue(facts, new Date()) },
  };
}

/**
 * `PUT /v1/clients/:id` (create or update by external id) and `GET /v1/clients/:id` (profile + facts).
 * The write answers with the stored profile only to a key that may read it: otherwise `clients:write`
 * would read any client by writing nothing to it.
 */
export const clientRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.put(
    '/v1/clients/:id',
    {
      config: { scope: 'clients:write' },
      schema: {
        tags: ['clients'],
        params: ClientParams,
        body: ClientProfileBody,
        response: {
          200: ClientProfile.or(ClientWriteReceipt).describe(
            'the stored profile, or only its ids when the key lacks clients:read',
          ),
          '4xx': ApiErrorBody,
        },
      },
    },
    async (request) => {
      await upsertClients(db, [{ externalId: request.params.id, ...request.body }]);
      const profile = await getClientProfile(db, request.params.id);
      return hasScope(request, 'clients:read') ? profile : { id: profile.id, externalId: profile.externalId };
    },
  );
  app.get(
    '/v1/clients/:id',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags: ['clients'],
        params: ClientParams,
        response: { 200: ClientProfile, '4xx': ApiErrorBody },
      },
    },
    async (request) => getClientProfile(db, request.params.id),
  );
};
