import { durationToMs, Offset } from '@touchpoint/language';

/** One timed step of a sample: what it is called and when it would run for the sample client. */
export interface SampleMoment {
  label: string;
  at: Date;
}

/**
 * When each offset falls for a client whose checkpoint is `checkpointAt`: checkpoint + offset, the rule
 * the workflow times a checkpoint wait or a ladder rung by. Offsets not yet valid (half typed) are left out.
 */
export function timeAgainstCheckpoint(
  checkpointAt: string,
  offsets: readonly { label: string; offset: unknown }[],
): SampleMoment[] {
  const base = new Date(checkpointAt).getTime();
  if (Number.isNaN(base)) return [];
  return offsets.flatMap(({ label, offset }) => {
    const parsed = Offset.safeParse(offset);
    return parsed.success ? [{ label, at: new Date(base + durationToMs(parsed.data)) }] : [];
  });
}
