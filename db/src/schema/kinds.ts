import { z } from 'zod';

/**
 * Closed sets stored in text columns. Kept here (not as Postgres enums) so adding a value is a code change
 * plus a zod parse on read, never an `ALTER TYPE` migration that locks hot tables.
 */

/** Delivery channels. Mirrors the `ChannelKind` contract of `@touchpoint/channels` (db imports nothing of ours). */
export const CHANNEL_KINDS = ['email', 'sms', 'call', 'webhook'] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** Lifecycle of a journey as a whole; versions themselves are immutable. */
export const JOURNEY_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const JourneyStatus = z.enum(JOURNEY_STATUSES);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** Lifecycle of one client's run through one journey version. */
export const ENROLLMENT_STATUSES = ['active', 'completed', 'exited', 'failed', 'migrated'] as const;
export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

/** How a client got into a journey. */
export const ENROLLMENT_SOURCES = ['event', 'manual', 'csv', 'journey', 'segment'] as const;
export const EnrollmentSource = z.enum(ENROLLMENT_SOURCES);
export type EnrollmentSource = z.infer<typeof EnrollmentSource>;

/** Outbox states of a message; every change is appended to the message's status timeline. */
export const MESSAGE_STATUSES = [
  'queued',
  // Handed to the provider, its answer not yet recorded: after a crash, ask the provider before resending.
  'sending',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'failed',
  'deferred',
  'skipped',
  'unreachable',
] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Call-center task states: open -> claimed -> completed, or cancelled when the journey's goal happens. */
export const CALL_TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'] as const;
export const CallTaskStatus = z.enum(CALL_TASK_STATUSES);
export type CallTaskStatus = z.infer<typeof CallTaskStatus>;

/** Roles of people using the builder and the call-center queue. */
export const USER_ROLES = ['admin', 'marketer', 'analyst', 'operator'] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

/**
 * Scopes an API key can hold. `admin` implies every other scope; ingestion keys normally hold only
 * `events:write` and `clients:write`.
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
