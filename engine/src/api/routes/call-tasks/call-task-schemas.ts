import { CallOutcome, type CallTaskWithClient } from '@touchpoint/domain';
import { CALL_TASK_STATUSES } from '@touchpoint/db';
import { CALL_OUTCOMES, CallQueueSort } from '@touchpoint/language';
import { z } from 'zod';
import { SIGNAL_OUTCOMES } from '../../signal-journey';

const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(values)).min(1));

export const CallTaskListQuery = z.strictObject({
  status: commaList(CALL_TASK_STATUSES)
    .default(['open'])
    .describe(`comma-separated states (${CALL_TASK_STATUSES.join(', ')}); default open`),
  operatorId: z
    .uuid()
    .optional()
    .describe('only tasks this operator may work on (pinned to them or to nobody)'),
  journeyId: z.uuid().optional().describe('only tasks this journey created'),
  outcome: commaList(CALL_OUTCOMES)
    .optional()
    .describe(
      `only tasks completed with one of these comma-separated outcomes (${CALL_OUTCOMES.join(', ')})`,
    ),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("part of the client's name, CRM id, email or phone (case-insensitive)"),
  sort: CallQueueSort.default('priority').describe(
    'priority: higher first, then earliest due; sla: nearest SLA deadline first, late ones on top',
  ),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('tasks per page (1–500, default 50)'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(0)
    .describe('tasks to skip: the page starts after them (0–100000, default 0)'),
});

/** A task as the operators' screen shows it. `isSlaBreached`: still not done after its SLA time. */
export const CallTaskResponse = z
  .object({
    id: z.string().describe("the task's id"),
    status: z.enum(CALL_TASK_STATUSES).describe('where the task is'),
    priority: z.number().int().describe('higher is called first'),
    dueAt: z.date().nullable().describe('when the call should happen; null: as soon as possible'),
    slaDueAt: z.date().nullable().describe('when it must be done by; null: no SLA'),
    isSlaBreached: z.boolean().describe('still not done after its SLA time'),
    assignedTo: z.string().nullable().describe('the operator it is pinned to; null: anyone'),
    claimedBy: z.string().nullable().describe('the operator working on it'),
    claimedAt: z.date().nullable().describe('when they claimed it'),
    client: z
      .object({
        id: z.string().describe("the client's id in your CRM"),
        name: z.string().nullable().describe("the client's `name` attribute; null when none"),
        phone: z.string().nullable().describe('the number to call'),
        email: z.string().nullable().describe("the client's email"),
      })
      .describe('who to call'),
    journeyId: z.string().nullable().describe('the journey that created the task'),
    journeyVersion: z.number().nullable().describe('its version'),
    nodeId: z.string().nullable().describe('the node that created it'),
    payload: z.record(z.string(), z.unknown()).describe('the rendered call script and its context'),
    outcome: z.string().nullable().describe("the operator's outcome; null until completed"),
    outcomeNote: z.string().nullable().describe("the operator's note"),
    completedAt: z.date().nullable().describe('when the outcome was recorded'),
    createdAt: z.date().describe('when it was created'),
  })
  .describe('a call task, as the operators see it');
export type CallTaskResponse = z.infer<typeof CallTaskResponse>;

export function toCallTaskResponse({ task, client }: CallTaskWithClient, now = Date.now()): CallTaskResponse {
  const isOpen = task.status === 'open' || task.status === 'claimed';
  return {
    ...task,
    isSlaBreached: isOpen && task.slaDueAt !== null && task.slaDueAt.getTime() < now,
    client: { id: client.externalId, name: client.name, phone: client.phone, email: client.email },
  };
}

const Count = z.number().int();

export const CallTaskPage = z
  .object({
    items: z.array(CallTaskResponse).describe('the page, most urgent first by `sort`'),
    total: Count.describe('tasks matching every filter, over all pages'),
    counts: z
      .object({
        open: Count.describe('open tasks under the filters other than `status`'),
        claimed: Count.describe('claimed tasks under them'),
        completed: Count.describe('completed tasks under them'),
        cancelled: Count.describe('cancelled tasks under them'),
        slaBreached: Count.describe('open or claimed tasks past their SLA time under them'),
      })
      .describe('the queue per state, whatever `status` shows'),
  })
  .describe('one page of the queue, with its counts');

export const OperatorBody = z.strictObject({ operatorId: z.uuid().describe('the operator acting') });

export const CompleteCallTaskBody = z
  .strictObject({
    outcome: CallOutcome.describe('how the call went; a journey waiting on it leaves by this outcome'),
    note: z.string().max(4000).optional().describe("the operator's note, shown on the client's timeline"),
    operatorId: z.uuid().optional().describe('the operator completing it; another than the claimer is a 409'),
    callbackAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe(
        '`callBack` only: when to call again (ISO 8601); queues the next call then, and the journey step waits for it',
      ),
  })
  .refine((body) => body.callbackAt === undefined || body.outcome === 'callBack', {
    path: ['callbackAt'],
    message: 'a callback time goes only with the callBack outcome',
  });

export const CompleteCallTaskResponse = z
  .object({
    task: CallTaskResponse,
    funnelAction: z
      .object({
        type: z.string().describe('the funnel action recorded (`call`, `meeting`, `booking`…)'),
        sourceKey: z.string().describe('what recorded it (this task)'),
      })
      .nullable()
      .describe('the funnel action the outcome recorded; null when none'),
    isFirstCompletion: z
      .boolean()
      .describe('false when this repeats an earlier completion with the same outcome'),
    callback: z
      .object({
        taskId: z.string().describe('the follow-up task'),
        dueAt: z.date().describe('when it is due'),
      })
      .nullable()
      .describe('the next call a callback time queued; null without one'),
    journey: z.enum(SIGNAL_OUTCOMES).describe('what happened to the journey waiting on the task'),
  })
  .describe('the completed task and what it set off');
