import { Context } from '@temporalio/activity';
import {
  beginAudienceRun,
  finishAudienceRun,
  loadSegmentMemberPage,
  recordAudienceProgress,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type {
  EnrollAudienceInput,
  EnrollAudienceResult,
  StartAudiencePage,
} from './journey-activity-contract';

/** Members per page by default: one query and one heartbeat per page, a bounded redo when a worker dies mid-page. */
export const AUDIENCE_PAGE_SIZE = 500;

/** What the activity heartbeats after each page, and a retried attempt resumes from. */
interface AudienceCursor {
  /** Last member id of the last finished page (members are enrolled in ascending id order). */
  after: string | null;
  result: EnrollAudienceResult;
}

function resumeCursor(): AudienceCursor {
  const details = Context.current().info.heartbeatDetails as AudienceCursor | undefined;
  return details ?? { after: null, result: { members: 0, started: 0, alreadyRunning: 0, notStarted: 0 } };
}

/**
 * Enrolls every member of a segment in a journey (one run of its schedule entry), a page at a time in
 * client id order, 16 starts at once. Members are the stored memberships (as the last recompute or
 * purchase left them; no rule is evaluated here) and the clients whose attributes name the segment. After each page it heartbeats the cursor (the page's last id and
 * the totals), and a retried attempt (the worker died, a fault) resumes after it: only the page that
 * was in flight is asked again, and its clients are looked up before they are started, so every member
 * is enrolled exactly once. Progress is written to `audience_runs` per page for the API and the builder.
 */
export async function enrollAudience(
  db: Database,
  startPage: StartAudiencePage,
  input: EnrollAudienceInput,
  pageSize = AUDIENCE_PAGE_SIZE,
): Promise<EnrollAudienceResult> {
  const { attempt } = Context.current().info;
  const cursor = resumeCursor();
  await beginAudienceRun(db, {
    journeyId: input.journeyId,
    runKey: input.runKey,
    segment: input.segment,
    attempt,
  });
  // Heartbeats are throttled, so the cursor a retry resumes from can lag the pages an earlier attempt
  // really started: every page of a retried attempt asks Temporal before starting (one describe per
  // member, on retries only), so no member of a re-entry-after-exit journey is enrolled twice.
  const mayHaveStarted = attempt > 1;
  for (;;) {
    const page = await loadSegmentMemberPage(db, input.segment, cursor.after, pageSize);
    if (page.length === 0) break;
    const outcomes = await startPage(
      { journeyId: input.journeyId, clientIds: page, enrollmentKey: input.runKey, mayHaveStarted },
      // The cursor of the last finished page: a heartbeat mid-page never moves the resume point.
      () => Context.current().heartbeat(cursor),
    );
    for (const outcome of outcomes) cursor.result[outcome.status] += 1;
    cursor.result.members += page.length;
    cursor.after = page.at(-1) ?? null;
    await recordAudienceProgress(db, input.runKey, cursor.result, cursor.after);
    Context.current().heartbeat(cursor);
  }
  await finishAudienceRun(db, input.runKey, 'completed');
  return cursor.result;
}
