import {
  asc,
  callTasks,
  enrollments,
  eq,
  like,
  messages,
  nodeVisits,
  type Database,
  type MessageRow,
} from '@touchpoint/db';
import { visitSeqOfOutboxKey } from '@touchpoint/domain';
import { daysBetween, type JourneyDefinition, type TestPathOutcome } from '@touchpoint/language';
import { type TestPathMessage, type TestPathStep } from '@touchpoint/language/api-contract';
import type { CapturedMessages } from './captured-channels';

/**
 * A step as the marketer calls it: the drawn node's name (its id when unnamed), and for the inner
 * steps of a ladder or a send's call wait, which rung (`Remind, stimulate, escalate · remind`).
 */
export function stepName(definition: Pick<JourneyDefinition, 'nodes'>, planNodeId: string): string {
  const [drawnId = planNodeId, inner] = planNodeId.split('/');
  const drawn = definition.nodes.find((node) => node.id === drawnId);
  const base = drawn?.name ?? drawnId;
  return inner && inner !== 'send' && inner !== 'wait' ? `${base} · ${inner}` : base;
}

const ROUTINE_STATUSES = new Set<string>(['queued', 'sending', 'sent']);

function messageOf(row: MessageRow, captured: CapturedMessages): TestPathMessage {
  const handed = captured.get(row.idempotencyKey);
  const html = handed?.channel === 'email' ? handed.html : (row.content.html ?? null);
  return {
    channel: row.channel,
    status: row.status,
    to: row.content.to ?? null,
    subject: row.content.subject ?? null,
    text: row.content.text ?? null,
    html,
    // Deferrals, skips and refusals with their reasons; the captured hand-over itself says nothing.
    notes: row.statusTimeline.flatMap((entry) =>
      entry.detail && !ROUTINE_STATUSES.has(entry.status) ? [`${entry.status}: ${entry.detail}`] : [],
    ),
  };
}

export interface ReadPath {
  steps: TestPathStep[];
  outcome: TestPathOutcome;
  reason: string | null;
  waitingAt: string | null;
  callTasks: number;
}

function outcomeOf(status: string | undefined, reason: string | null): TestPathOutcome {
  if (status === 'failed') return 'failed';
  if (status === 'completed' || status === 'exited') return reason === 'converted' ? 'converted' : 'exited';
  return 'waiting';
}

/**
 * The run's path, read back from the rows its bookkeeping wrote in the scratch database; null when the
 * run recorded no enrollment, i.e. it never began (only Temporal knows why).
 */
export async function readTestPath(
  scratch: Database,
  definition: Pick<JourneyDefinition, 'nodes'>,
  workflowId: string,
  startMs: number,
  captured: CapturedMessages,
): Promise<ReadPath | null> {
  const [enrollment] = await scratch.select().from(enrollments).where(eq(enrollments.workflowId, workflowId));
  if (!enrollment) return null;
  const [visits, sent, tasks] = await Promise.all([
    scratch
      .select()
      .from(nodeVisits)
      .where(eq(nodeVisits.enrollmentId, enrollment.id))
      .orderBy(asc(nodeVisits.visitSeq)),
    scratch
      .select()
      .from(messages)
      .where(like(messages.idempotencyKey, `${workflowId}:%`)),
    scratch.select({ id: callTasks.id }).from(callTasks).where(eq(callTasks.enrollmentId, enrollment.id)),
  ]);
  const steps = visits.map((visit): TestPathStep => ({
    nodeId: visit.nodeId,
    drawnNodeId: visit.nodeId.split('/')[0] ?? visit.nodeId,
    name: stepName(definition, visit.nodeId),
    at: visit.enteredAt.toISOString(),
    day: daysBetween(startMs, visit.enteredAt.getTime()),
    leftAt: visit.leftAt?.toISOString() ?? null,
    outcome: visit.outcome,
    skipReason: visit.skipReason,
    messages: sent
      .filter((row) => visitSeqOfOutboxKey(row.idempotencyKey, workflowId) === visit.visitSeq)
      .map((row) => messageOf(row, captured)),
  }));
  const outcome = outcomeOf(enrollment.status, enrollment.exitReason);
  const open = outcome === 'waiting' ? visits.findLast((visit) => visit.leftAt === null) : undefined;
  return {
    steps,
    outcome,
    reason: enrollment.exitReason,
    waitingAt: open ? stepName(definition, open.nodeId) : null,
    callTasks: tasks.length,
  };
}
