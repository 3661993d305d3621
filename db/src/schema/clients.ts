import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, updatedAt } from './columns';
import { ChannelKind } from './kinds';

/** Free-form client attributes from the CRM (tier, region, RFM cell…); used by splits and strata. */
export const ClientAttributes = z.record(z.string(), z.unknown());
export type ClientAttributes = z.infer<typeof ClientAttributes>;

/** One channel's consent: explicit grant or withdrawal, with when and from where it was recorded. */
export const ChannelConsent = z
  .object({
    status: z.enum(['granted', 'denied']).describe('whether the client agreed to messages on this channel'),
    updatedAt: z.iso.datetime({ offset: true }).describe('when the client gave or withdrew it (ISO 8601)'),
    source: z.string().optional().describe('where it was recorded (`signup form`, `unsubscribe link`…)'),
  })
  .describe("the client's consent on one channel");
export type ChannelConsent = z.infer<typeof ChannelConsent>;

/** Consent per channel. A channel absent from the map has no recorded consent (treated as not granted). */
export const ClientConsent = z.partialRecord(ChannelKind, ChannelConsent);
export type ClientConsent = z.infer<typeof ClientConsent>;

/**
 * A person journeys run for. `externalId` is the CRM's id and the key every API uses; `id` is internal.
 * `timeZone` is an IANA zone used for quiet hours and day-based offsets.
 */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    email: text('email'),
    phone: text('phone'),
    timeZone: text('time_zone'),
    locale: text('locale'),
    attributes: jsonb('attributes').$type<ClientAttributes>().notNull().default({}),
    consent: jsonb('consent').$type<ClientConsent>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clients_external_id_key').on(t.externalId),
    index('clients_email_idx').on(t.email),
    index('clients_phone_idx').on(t.phone),
  ],
);

export type ClientRow = typeof clients.$inferSelect;
export type NewClientRow = typeof clients.$inferInsert;
