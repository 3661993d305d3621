import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import type { TouchpointMetrics } from './metrics';

/**
 * Counts what the activities report, at the worker's boundary so the activities stay free of metrics:
 * enrollments begun and finished, each send's outcome and the policy's skips and deferrals, and every
 * failed attempt by its failure type (`TransientSendFailure`, `TemplateNotFound`, … or the error's
 * class for plain errors).
 */
export function activityMetricsInterceptor(metrics: TouchpointMetrics): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const activity = ctx.info.activityType;
        try {
          const result = await next(input);
          countResult(metrics, activity, input.args[0], result);
          return result;
        } catch (error) {
          metrics.activityFailures.inc({ activity, type: failureType(error) });
          throw error;
        }
      },
    },
  });
}

function failureType(error: unknown): string {
  if (error instanceof ApplicationFailure && error.type) return error.type;
  return error instanceof Error ? error.name : 'unknown';
}

interface SendInput {
  channels?: string[];
  queueChannel?: string;
}
interface SendResult {
  status?: string;
  channel?: string;
  reason?: string;
}

function countResult(metrics: TouchpointMetrics, activity: string, input: unknown, result: unknown): void {
  switch (activity) {
    case 'beginEnrollment':
      metrics.enrollmentsStarted.inc();
      return;
    case 'finishEnrollment':
      metrics.enrollmentsFinished.inc({ status: (input as { status?: string }).status ?? 'unknown' });
      return;
    case 'recordBookkeeping':
      // A batched run's begin and finish arrive as writes of one bookkeeping flush.
      for (const write of (input as { writes?: { kind: string; status?: string }[] }).writes ?? []) {
        if (write.kind === 'begin') metrics.enrollmentsStarted.inc();
        if (write.kind === 'finish') metrics.enrollmentsFinished.inc({ status: write.status ?? 'unknown' });
      }
      return;
    case 'sendMessage':
      countSend(metrics, input as SendInput, result as SendResult);
      return;
    case 'createCallTask':
      metrics.sends.inc({ channel: 'call', outcome: 'sent' });
      return;
    default:
      return;
  }
}

function countSend(metrics: TouchpointMetrics, input: SendInput, result: SendResult): void {
  const outcome = result.status ?? 'unknown';
  const channel = result.channel ?? input.queueChannel ?? input.channels?.[0] ?? 'unknown';
  metrics.sends.inc({ channel, outcome });
  // The policy's reasons are a closed set (`quiet-hours`, `channel-cap`, `opted-out`, …) that leads
  // the skip's text; deferrals only ever wait for quiet hours to end.
  if (outcome === 'skipped') {
    const reason = result.reason?.split(':')[0]?.trim() || 'unknown';
    metrics.policyDecisions.inc({ decision: 'skipped', reason });
  } else if (outcome === 'deferred') {
    metrics.policyDecisions.inc({ decision: 'deferred', reason: 'quiet-hours' });
  }
}
