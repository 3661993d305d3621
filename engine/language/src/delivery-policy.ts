import { z } from 'zod';
import { ChannelKind } from './vocabulary';

/**
 * The delivery policy's shape: pure zod, here so the API that stores it, the worker that applies it
 * (`@touchpoint/channels` decides with it) and the builder's settings page parse the same thing.
 */

/** At most `max` messages within any rolling `windowHours`. */
export const FrequencyCap = z
  .strictObject({
    max: z.number().int().nonnegative().describe('how many messages the window allows (0 = none)'),
    windowHours: z
      .number()
      .positive()
      .max(24 * 365)
      .describe('the rolling window, in hours (24 = a day, 168 = a week)'),
  })
  .describe('at most `max` messages within any rolling `windowHours`');
export type FrequencyCap = z.infer<typeof FrequencyCap>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24h)');

/** A nightly window (may wrap midnight) in the client's own time zone. */
export const QuietWindow = z
  .strictObject({
    start: clockTime.describe('local time the quiet window begins, HH:MM'),
    end: clockTime.describe('local time it ends, HH:MM (before start: it wraps midnight)'),
  })
  .refine((window) => window.start !== window.end, {
    message: 'start and end must differ',
    path: ['end'],
  })
  .describe("a quiet window in the client's own time zone");
export type QuietWindow = z.infer<typeof QuietWindow>;

/** Whether `zone` is an IANA time zone this runtime knows (the one `Intl` converts with). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The delivery policy shared by every journey: caps per channel and over all channels (counted
 * across journeys), quiet hours per channel, and the time zone for clients without one.
 */
export const DeliveryPolicy = z
  .strictObject({
    channelCaps: z
      .partialRecord(ChannelKind, z.array(FrequencyCap).max(10).describe('the caps of this channel'))
      .default({})
      .describe('caps per channel, counted over every journey'),
    overallCaps: z
      .array(FrequencyCap)
      .max(10)
      .default([])
      .describe('caps over all channels together, counted over every journey'),
    quietHours: z
      .partialRecord(ChannelKind, QuietWindow)
      .default({})
      .describe('quiet hours per channel; a channel without a window sends at any hour'),
    fallbackTimeZone: z
      .string()
      .refine(isKnownTimeZone, 'must be an IANA time zone, e.g. Europe/Moscow')
      .default('UTC')
      .describe('the time zone of clients without one of their own (IANA name)'),
  })
  .describe('caps, quiet hours and the default time zone every send obeys');
export type DeliveryPolicy = z.infer<typeof DeliveryPolicy>;
