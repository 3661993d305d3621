import { cancelExitJobs, countClientsInside, createExitJob } from '../exit-jobs/exit-jobs';
import {
  journeys,
  type Database,
  type ExitJobReason,
  type ExitJobRow,
  type JourneyRow,
} from '@touchpoint/db';
import type { InFlightChoice } from '@touchpoint/language/api-contract';
import { eq } from 'drizzle-orm';
import { findJourney } from './find-journey';
import { JourneyLifecycleError } from './journey-lifecycle-error';

/** Which statuses each step leaves and the one it moves the journey to. */
export const JOURNEY_LIFECYCLE = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  archive: { from: ['draft', 'active', 'paused'], to: 'archived' },
} as const;
export type JourneyLifecycleAction = keyof typeof JOURNEY_LIFECYCLE;

/** What a pause / resume / archive needs beside the journey's id. */
export interface ChangeJourneyStatusOptions {
  /** On a pause: whether clients inside go on (`continue`) or leave now. Archiving always makes them leave. */
  inFlight: InFlightChoice;
  /** Whether an exit job started now can ask clients to leave (the engine has a Temporal connection). */
  canAskToLeave: boolean;
  /**
   * Brings the journey's Temporal Schedule in line with its new status (paused with it, deleted on
   * archive). The engine passes its Temporal call here, since the domain knows no Temporal.
   */
  syncSchedule: () => Promise<void>;
}

/** Which reason clients in flight leave with after `action`, or null when they stay. */
function exitReasonOf(action: JourneyLifecycleAction, inFlight: InFlightChoice): ExitJobReason | null {
  if (action === 'archive') return 'journeyArchived';
  if (action === 'pause' && inFlight === 'leave') return 'journeyPaused';
  return null;
}

/**
 * Pauses, resumes or archives a journey. The status changes first, then a resume cancels an exit job
 * still running (clients not yet asked stay inside), then the schedule follows the new status, and
 * last an exit job is started when clients in flight must leave (none when nobody is inside). The
 * caller runs the job it answers. Refused before anything changes when the status does not allow
 * the step, or when clients inside would have to leave and nobody can ask them.
 */
export async function changeJourneyStatus(
  db: Database,
  journeyId: string,
  action: JourneyLifecycleAction,
  options: ChangeJourneyStatusOptions,
): Promise<{ journey: JourneyRow; exitJob: ExitJobRow | null }> {
  const journey = await findJourney(db, journeyId);
  if (journey === undefined)
    throw new JourneyLifecycleError('journey_not_found', `no journey "${journeyId}"`);
  const rule = JOURNEY_LIFECYCLE[action];
  if (!(rule.from as readonly string[]).includes(journey.status)) {
    const message = `cannot ${action} a journey that is ${journey.status}`;
    throw new JourneyLifecycleError('journey_wrong_status', message);
  }
  const reason = exitReasonOf(action, options.inFlight);
  // A journey nobody is inside needs no one asked, with or without a way to ask.
  if (reason !== null && !options.canAskToLeave && (await countClientsInside(db, journeyId)) > 0) {
    const message = 'no Temporal connection: clients in flight cannot leave now';
    throw new JourneyLifecycleError('exit_unavailable', message);
  }
  const [row] = await db
    .update(journeys)
    .set({ status: rule.to, updatedAt: new Date() })
    .where(eq(journeys.id, journeyId))
    .returning();
  if (action === 'resume') await cancelExitJobs(db, journeyId);
  await options.syncSchedule();
  const exitJob = reason === null ? null : await createExitJob(db, journeyId, reason);
  return { journey: row!, exitJob };
}
