import { api } from '../../api/client';
import type { JourneyUplift } from '../../api/schemas';

/** The journey's uplift and each step's (the clients who reached it, both arms walking the same path). */
export interface UpliftByStep {
  journey: JourneyUplift;
  steps: Record<string, JourneyUplift>;
}

/**
 * Reads the journey's uplift, then each step's when the journey has a control group at all (a journey
 * without one answers no figures, so asking per step would only cost requests).
 */
export async function loadUpliftByStep(
  journeyId: string,
  version: number | undefined,
  stepIds: readonly string[],
): Promise<UpliftByStep> {
  const journey = await api.getUplift(journeyId, { version });
  if (journey.holdout === null && journey.controlClients === 0) return { journey, steps: {} };
  const answers = await Promise.all(
    stepIds.map(async (node) => [node, await api.getUplift(journeyId, { version, node })] as const),
  );
  return { journey, steps: Object.fromEntries(answers) };
}
