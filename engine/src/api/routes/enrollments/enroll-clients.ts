import type { ChannelKind } from '@touchpoint/language';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Database, EnrollmentSource } from '@touchpoint/db';
import { enrollClient, journeyWorkflowId, loadCurrentVersion } from '../../../temporal';
import type { NotEnrollableReason, PublishedVersion } from '../../../temporal';
import { ApiError } from '../../api-error';

export type { PublishedVersion };

/** What enrolling needs besides the database. */
export interface EnrollDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** Per-channel activity queues for sends (each with its own rate limit); the journey queue when absent. */
  sendTaskQueues?: Partial<Record<ChannelKind, string>>;
}

/** How one client's enrollment ended. */
export const ENROLL_OUTCOMES = ['enrolled', 'alreadyEnrolled', 'unknownClient'] as const;
export type EnrollOutcome = (typeof ENROLL_OUTCOMES)[number];

/** Why a journey cannot take clients, as the API says it. */
const NOT_ENROLLABLE = {
  journeyNotFound: 'not_found',
  journeyNotActive: 'conflict',
  journeyNotPublished: 'conflict',
} as const satisfies Record<NotEnrollableReason, ApiError['code']>;

/** The journey's current published version, or 404 / 409 saying why clients cannot enter it now. */
export async function loadPublishedVersion(db: Database, journeyId: string): Promise<PublishedVersion> {
  const target = await loadCurrentVersion(db, journeyId);
  if (!('reason' in target)) return target;
  const messages: Record<NotEnrollableReason, string> = {
    journeyNotFound: `params.id: no journey "${journeyId}"`,
    journeyNotActive: 'the journey is not active (paused, archived or a draft)',
    journeyNotPublished: 'the journey has no published version',
  };
  throw new ApiError(NOT_ENROLLABLE[target.reason], messages[target.reason]);
}

/**
 * Starts one client's workflow. `enrollmentKey` only matters for journeys allowing concurrent runs
 * (one key per upload or request, so a retried upload row is not a second run). `memo` is stored
 * with the run (a CSV job names itself there, so a resumed job recognises the runs it started).
 */
export async function enrollOne(
  deps: EnrollDeps,
  target: PublishedVersion,
  clientId: string,
  options: { source: EnrollmentSource; enrollmentKey: string; memo?: Record<string, unknown> },
): Promise<{ outcome: EnrollOutcome; workflowId: string }> {
  const reentry = target.definition.settings.reentry;
  const key = reentry === 'concurrent' ? options.enrollmentKey : null;
  const workflowId = journeyWorkflowId(target.journeyId, clientId, key);
  try {
    await enrollClient(deps.temporal, {
      journeyId: target.journeyId,
      journeyVersion: target.version,
      clientId,
      definition: target.definition,
      reentry,
      enrollmentKey: key,
      source: options.source,
      taskQueue: deps.taskQueue,
      ...(options.memo ? { memo: options.memo } : {}),
      ...(deps.sendTaskQueues ? { sendTaskQueues: deps.sendTaskQueues } : {}),
    });
    return { outcome: 'enrolled', workflowId };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      return { outcome: 'alreadyEnrolled', workflowId };
    throw error;
  }
}
