import type { Database } from '@touchpoint/db';
import { ChannelConsent } from '@touchpoint/db';
import {
  findClientProfile,
  saveClientProfile,
  type ClientProfile as StoredProfile,
} from '@touchpoint/domain';
import { ChannelKind } from '@touchpoint/language';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../api-error';
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
  email: z.email().optional().describe('where email sends go'),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'use E.164, e.g. +15551234567')
    .optional()
    .describe('where SMS and calls go, in E.164 (`+15551234567`)'),
  timeZone: z
    .string()
    // Intl accepts aliases (Asia/Kolkata) that supportedValuesOf leaves out of its canonical list.
    .refine(isKnownTimeZone, 'unknown IANA time zone')
    .optional()
    .describe('IANA time zone (`Europe/Moscow`) for quiet hours and time-of-day waits'),
  locale: z.string().min(2).max(35).optional().describe('BCP 47 language tag (`ru-RU`) templates may use'),
  attributes: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('free-form attributes conditions and templates read; merged into the stored ones'),
  consent: z
    .partialRecord(ChannelKind, ChannelConsent)
    .optional()
    .describe('consent per channel; a channel left out keeps what is stored'),
});

const ClientParams = z.object({ id: ClientExternalId.describe("the client's id in your CRM") });

/** A client with their purchase facts (null before the first purchase). */
export const ClientProfile = z
  .object({
    id: z.string().describe("Touchpoint's id of the client"),
    externalId: z.string().describe("the client's id in your CRM"),
    email: z.string().nullable().describe('email address; null when unknown'),
    phone: z.string().nullable().describe('phone number in E.164; null when unknown'),
    timeZone: z
      .string()
      .nullable()
      .describe('IANA time zone; null when unknown (the journey fallback applies)'),
    locale: z.string().nullable().describe('BCP 47 language tag; null when unknown'),
    attributes: z.record(z.string(), z.unknown()).describe('free-form attributes'),
    consent: z
      .record(z.string(), z.unknown())
      .describe('consent per channel: `{ status, updatedAt, source }`; a missing channel is not granted'),
    facts: z
      .object({
        purchaseCount: z.number().describe('orders stored'),
        totalValue: z.number().describe('sum of their totals'),
        averageValue: z.number().nullable().describe('mean order total; null without orders'),
        lastPurchaseAt: z.date().nullable().describe('when the last order was placed'),
        meanIntervalDays: z
          .number()
          .nullable()
          .describe('mean days between orders; null with fewer than two'),
        expectedNextPurchaseAt: z
          .date()
          .nullable()
          .describe('last order + mean interval; null with fewer than two orders'),
        isOverdue: z.boolean().describe('true once the expected next purchase has passed'),
      })
      .nullable()
      .describe('purchase facts (the smart trigger); null before the first order'),
  })
  .describe('the client and their purchase facts');

/** What a write answers to a key that may not read clients (an ingestion key): no client data. */
export const ClientWriteReceipt = z
  .object({
    id: z.string().describe("Touchpoint's id of the client"),
    externalId: z.string().describe("the client's id in your CRM"),
  })
  .describe('the ids of the stored client, without their data');

/** The profile a domain read or write answered, or a 404 naming the id. */
function requireProfile(externalId: string, profile: StoredProfile | undefined): StoredProfile {
  if (profile === undefined) throw new ApiError('not_found', `params.id: no client "${externalId}"`);
  return profile;
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
        summary: 'Create or update a client',
        description:
          'Creates the client with this CRM id, or updates the fields sent (others keep their value). ' +
          'Answers the stored profile to a key that may read clients, only the ids otherwise.',
        params: ClientParams,
        body: ClientProfileBody,
        response: {
          200: ClientProfile.or(ClientWriteReceipt).describe(
            'the stored profile, or only its ids when the key lacks clients:read',
          ),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const profile = requireProfile(id, await saveClientProfile(db, id, request.body));
      return hasScope(request, 'clients:read') ? profile : { id: profile.id, externalId: profile.externalId };
    },
  );
  app.get(
    '/v1/clients/:id',
    {
      config: { scope: 'clients:read' },
      schema: {
        tags: ['clients'],
        summary: 'Read a client',
        description: "The client's profile, consent and purchase facts, by CRM id.",
        params: ClientParams,
        response: { 200: ClientProfile },
      },
    },
    async (request) => requireProfile(request.params.id, await findClientProfile(db, request.params.id)),
  );
};
