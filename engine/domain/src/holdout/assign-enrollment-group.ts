import { GLOBAL_EXPERIMENT_KEY, journeyExperimentKey } from '@touchpoint/language';
import type { ControlGroup } from '@touchpoint/language';
import type { Executor } from '@touchpoint/db';
import { assignToExperiment } from './assign-to-experiment';
import { computeClientStratum } from './compute-client-stratum';
import { loadExperimentSettings, readGlobalControlShare } from './load-experiment-settings';
import type { VersionExperimentSettings } from './load-experiment-settings';

/** The groups an enrollment begins in: held out or not, by which control group, in which stratum. */
export interface EnrollmentGroup {
  isHoldout: boolean;
  controlGroup: ControlGroup | null;
  /** The journey holdout's stratum key; null when the version has no holdout. */
  stratum: string | null;
}

/**
 * Decides an enrollment's group as it begins, inside its transaction. A promotional journey first asks
 * the global control group (a client held out there is held out of every promotional journey); then,
 * when the version has a holdout, the journey's experiment, which assigns every entrant (global
 * controls included, so its strata stay balanced on everyone who enters). Both answers are stored per
 * (experiment, client) the first time, so re-entry, migration and restarts find the same group.
 *
 * On the hot path (every enrollment) it reads nothing it need not: the run passes its version's
 * settings (`experiment`, from the definition it holds; only begins scheduled before runs sent it read
 * the version row), and the global share comes from a per-process cache (`readGlobalControlShare`).
 * A journey without holdout, with no global control group, so costs no query here at all.
 */
export async function assignEnrollmentGroup(
  tx: Executor,
  input: {
    journeyId: string;
    journeyVersion: number;
    clientId: string;
    experiment?: VersionExperimentSettings | undefined;
  },
): Promise<EnrollmentGroup> {
  const settings =
    input.experiment ?? (await loadExperimentSettings(tx, input.journeyId, input.journeyVersion));
  let globalHoldout = false;
  if (settings.purpose === 'promotional') {
    const global = await readGlobalControlShare(tx);
    if (global.share > 0) {
      const assignment = await assignToExperiment(tx, {
        experimentKey: GLOBAL_EXPERIMENT_KEY,
        clientId: input.clientId,
        share: global.share,
        stratum: async () => '',
      });
      globalHoldout = assignment.isHoldout;
    }
  }
  let journeyHoldout = false;
  let stratum: string | null = null;
  const holdout = settings.holdout;
  if (holdout && holdout.share > 0) {
    const assignment = await assignToExperiment(tx, {
      experimentKey: journeyExperimentKey(input.journeyId, holdout),
      clientId: input.clientId,
      share: holdout.share,
      stratum: () => computeClientStratum(tx, input.clientId, holdout.strata),
    });
    journeyHoldout = assignment.isHoldout;
    stratum = assignment.stratum;
  }
  const controlGroup: ControlGroup | null = globalHoldout ? 'global' : journeyHoldout ? 'journey' : null;
  return { isHoldout: controlGroup !== null, controlGroup, stratum };
}
