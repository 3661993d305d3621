import { z } from 'zod';

/**
 * The bounds every request schema shares, so the API refuses with a 400 what the database or the
 * runtime would fail on with a 500. One home: routes import these instead of repeating numbers.
 */

/** Longest client (CRM) id, in UTF-16 units: events, purchases, profiles, enrollments and URLs alike. */
export const CLIENT_ID_MAX_LENGTH = 200;

/** A client's external (CRM) id. */
export const ClientExternalId = z
  .string()
  .min(1)
  .max(CLIENT_ID_MAX_LENGTH)
  .describe(`the client's id in your CRM (1–${CLIENT_ID_MAX_LENGTH} characters)`);

/**
 * Longest path parameter fastify's router accepts, before decoding: a client id of
 * {@link CLIENT_ID_MAX_LENGTH} characters, each up to 4 UTF-8 bytes sent as `%XX` (12 characters).
 * Longer params are answered 414 before routing; shorter ones meet the schema's own rule.
 */
export const MAX_PARAM_LENGTH = CLIENT_ID_MAX_LENGTH * 12;

/** Largest PostgreSQL `integer` (int4): version numbers, quantities, item counts. */
export const INT4_MAX = 2_147_483_647;

/** A positive integer that fits an `integer` column (versions, quantities). */
export const PositiveInt4 = z.number().int().positive().max(INT4_MAX);

/** The same, read from a path or query string. */
export const PositiveInt4Text = z.coerce.number().int().positive().max(INT4_MAX);

/**
 * Money as stored (`numeric(14, 2)`): at most 12 digits before the point. Capped at 1e10 so that sums
 * and averages over a client's purchases (`numeric(16, 2)`) stay in range too.
 */
export const Money = z.number().nonnegative().max(1e10);

/** Earliest and latest instant the API accepts (purchases, events, offers, stats ranges). */
export const EARLIEST_INSTANT = '1900-01-01T00:00:00Z';
export const LATEST_INSTANT = '2199-12-31T23:59:59Z';
const earliest = Date.parse(EARLIEST_INSTANT);
const latest = Date.parse(LATEST_INSTANT);

/**
 * An ISO 8601 instant with offset, between {@link EARLIEST_INSTANT} and {@link LATEST_INSTANT}. Dates
 * derived from it (a client's expected next purchase, a wait's end) then stay within four-digit years,
 * which JavaScript's `toISOString` and PostgreSQL both read; a purchase dated 9999 used to push the
 * client's expected next purchase past year 9999 and fail every later purchase of that client.
 */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const time = Date.parse(value);
    return time >= earliest && time <= latest;
  }, `must lie between ${EARLIEST_INSTANT} and ${LATEST_INSTANT}`)
  .describe(
    `ISO 8601 with offset, between ${EARLIEST_INSTANT.slice(0, 4)} and ${LATEST_INSTANT.slice(0, 4)}`,
  );

/** Largest batch of events or purchases one request may carry. */
export const MAX_BATCH_SIZE = 10_000;

/**
 * The one rule of a period in a query string (`from` inclusive, `to` exclusive, either left out):
 * given both, `to` must come after `from`; the 400 names `querystring.to`.
 */
export function requireOrderedPeriod<
  T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>,
>(query: T): T {
  return query.refine(
    (q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to),
    {
      path: ['to'],
      message: 'must be after from',
    },
  );
}
