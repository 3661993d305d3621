import { z } from 'zod';

/**
 * Closed sets stored in text columns. Kept here (not as Postgres enums) so adding a value is a code change
 * plus a zod parse on read, never an `ALTER TYPE` migration that locks hot tables.
 */

/**
 * The sets the journey language owns (channels, statuses, enrollment sources) have their one home there;
 * the tables store them, so they are re-exported for every reader of the schema.
 */
export {
  CALL_TASK_STATUSES,
  CHANNEL_KINDS,
  CONTROL_GROUPS,
  ControlGroup,
  CallTaskStatus,
  ChannelKind,
  ENROLLMENT_SOURCES,
  ENROLLMENT_STATUSES,
  EnrollmentSource,
  EnrollmentStatus,
  JOURNEY_STATUSES,
  JourneyStatus,
  MESSAGE_STATUSES,
  MessageStatus,
} from '@touchpoint/language';

/** Roles of people using the builder and the call-center queue. */
export const USER_ROLES = ['admin', 'marketer', 'analyst', 'operator'] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

/**
 * Scopes an API key can hold. `admin` implies every other scope; ingestion keys normally hold only
 * `events:write` and `clients:write`; a metrics scraper's only `ops:read`.
 */
export const API_SCOPES = [
  'admin',
  'events:write',
  'clients:write',
  'clients:read',
  'journeys:write',
  'journeys:read',
  'catalog:write',
  'catalog:read',
  'calls:work',
  'stats:read',
  /** The operator's: `/metrics` and readiness with its details (a scrape job's key holds only this). */
  'ops:read',
] as const;
export const ApiScope = z.enum(API_SCOPES);
export type ApiScope = z.infer<typeof ApiScope>;

/** Template body formats the channels know how to render. */
export const TEMPLATE_FORMATS = ['mjml', 'html', 'text'] as const;
export const TemplateFormat = z.enum(TEMPLATE_FORMATS);
export type TemplateFormat = z.infer<typeof TemplateFormat>;

/** Kinds of offer a journey can attach to a message ("dynamic discounts" grow along an escalation). */
export const OFFER_KINDS = ['percentDiscount', 'amountDiscount', 'gift', 'freeShipping'] as const;
export const OfferKind = z.enum(OFFER_KINDS);
export type OfferKind = z.infer<typeof OfferKind>;
