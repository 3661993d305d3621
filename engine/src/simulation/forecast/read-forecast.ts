import {
  and,
  callTasks,
  count,
  desc,
  enrollments,
  eq,
  isNotNull,
  messages,
  type Database,
} from '@touchpoint/db';
import type { ChannelKind, JourneyDefinition } from '@touchpoint/language';
import type { ForecastDay, ForecastResult } from '@touchpoint/language/api-contract';
import { countJourneyStats } from '../../api/routes/journey-stats/count-journey-stats';
import { stepName } from '../read-test-path';
import { DAY_MS } from './drive-forecast';

type ReadForecast = Pick<ForecastResult, 'enrolled' | 'converted' | 'failed' | 'steps' | 'nodes' | 'days'>;

/** The day of a simulated moment, clamped into the horizon (an activity finishing at the horizon counts on its last day). */
function dayOf(at: Date, startMs: number, horizonDays: number): number {
  return Math.min(horizonDays, Math.max(0, Math.floor((at.getTime() - startMs) / DAY_MS)));
}

/**
 * The forecast as the live reports would count it: per-step and per-node figures from the same
 * query the journey's stats use, read over the scratch database; day by day, the messages handed to
 * each (captured) channel, the call tasks falling due and the conversions, by simulated time.
 */
export async function readForecast(
  scratch: Database,
  scope: { journeyId: string; version: number; definition: Pick<JourneyDefinition, 'nodes'> },
  clock: { startMs: number; horizonDays: number },
): Promise<ReadForecast> {
  const [stats, sent, tasks, converted, failed] = await Promise.all([
    countJourneyStats(scratch, { journeyId: scope.journeyId, version: scope.version }),
    scratch
      .select({ channel: messages.channel, at: messages.sentAt })
      .from(messages)
      .where(isNotNull(messages.sentAt)),
    scratch.select({ at: callTasks.dueAt }).from(callTasks),
    scratch
      .select({ at: enrollments.exitedAt })
      .from(enrollments)
      .where(and(eq(enrollments.exitReason, 'converted'), isNotNull(enrollments.exitedAt))),
    // Failed runs are never hidden: each reason with how many it stopped.
    scratch
      .select({ reason: enrollments.exitReason, enrollments: count() })
      .from(enrollments)
      .where(eq(enrollments.status, 'failed'))
      .groupBy(enrollments.exitReason)
      .orderBy(desc(count()), enrollments.exitReason),
  ]);
  const days: ForecastDay[] = Array.from({ length: clock.horizonDays + 1 }, (_, day) => ({
    day,
    sends: {},
    callTasks: 0,
    conversions: 0,
  }));
  const on = (at: Date | null) => days[at ? dayOf(at, clock.startMs, clock.horizonDays) : 0]!;
  for (const row of sent) {
    const day = on(row.at);
    const channel = row.channel as ChannelKind;
    day.sends[channel] = (day.sends[channel] ?? 0) + 1;
  }
  for (const row of tasks) on(row.at).callTasks += 1;
  for (const row of converted) on(row.at).conversions += 1;
  const steps = Object.fromEntries(
    Object.entries(stats.steps).map(([id, counts]) => [
      id,
      {
        name: stepName(scope.definition, id),
        entered: counts.entered,
        sent: counts.sent,
        converted: counts.converted,
      },
    ]),
  );
  const nodes = Object.fromEntries(Object.entries(stats.nodes).map(([id, counts]) => [id, counts.entered]));
  return {
    enrolled: stats.totals.enrolled,
    converted: stats.totals.converted,
    failed: failed.map((row) => ({ reason: row.reason ?? 'failed', enrollments: row.enrollments })),
    steps,
    nodes,
    days,
  };
}
