import { z } from 'zod';

/** Units a duration or offset can be written in. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;

/** One of {@link DURATION_UNITS}. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

const MS_PER_UNIT: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** A length of time that must not be negative (a wait, a timeout, a goal window). */
export const Duration = z.object({
  amount: z.number().int().nonnegative(),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof Duration>;

/** A signed length of time relative to a checkpoint: negative = before it, positive = after it. */
export const Offset = z.object({
  amount: z.number().int(),
  unit: z.enum(DURATION_UNITS),
});
export type Offset = z.infer<typeof Offset>;

/** Milliseconds in a duration or offset (negative for negative offsets). */
export function durationToMs(duration: Duration | Offset): number {
  return duration.amount * MS_PER_UNIT[duration.unit];
}
