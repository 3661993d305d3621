import type { Client } from '@temporalio/client';
import {
  CallOutcome,
  CallTaskError,
  claimCallTask,
  completeCallTask,
  findCallTask,
  listCallTasks,
  type CallTaskWithClient,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import { CALL_TASK_STATUSES } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRouter } from '../../../router';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { SIGNAL_OUTCOMES, signalJourney } from '../../signal-journey';
import { routeInBackground } from '../route-deps';

/**
 * Dependencies of the call-task routes; `temporal` resumes the journey waiting on an outcome, the
 * router delivers the stored outcome event to every other journey (entries on `call.*` included).
 */
export interface CallTaskRoutesOptions {
  db: Database;
  temporal?: Client | undefined;
  router?: EventRouter | null;
}

const TaskParams = z.object({ id: z.uuid().describe("the call task's id") });

export const CallTaskListQuery = z.strictObject({
  /** Comma-separated states; the open queue by default. */
  status: z
    .string()
    .default('open')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(CALL_TASK_STATUSES)).min(1))
    .describe(`comma-separated states (${CALL_TASK_STATUSES.join(', ')}); default open`),
  /** Only tasks this operator may work on (pinned to them or to nobody). */
  operatorId: z
    .uuid()
    .optional()
    .describe('only tasks this operator may work on (pinned to them or to nobody)'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('tasks per answer (1–500, default 50)'),
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
    completedAt: z.date().nullable().describe('when it was completed'),
    createdAt: z.date().describe('when it was created'),
  })
  .describe('a call task, as the operators see it');
export type CallTaskResponse = z.infer<typeof CallTaskResponse>;

function toResponse({ task, client }: CallTaskWithClient, now = Date.now()): CallTaskResponse {
  const isOpen = task.status === 'open' || task.status === 'claimed';
  return {
    ...task,
    isSlaBreached: isOpen && task.slaDueAt !== null && task.slaDueAt.getTime() < now,
    client: { id: client.externalId, phone: client.phone, email: client.email },
  };
}

export const CompleteCallTaskBody = z.strictObject({
  outcome: CallOutcome.describe('how the call went; a journey waiting on it leaves by this outcome'),
  note: z.string().max(4000).optional().describe("the operator's note"),
  operatorId: z.uuid().optional().describe('the operator completing it; another than the claimer is a 409'),
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
    /** False when this repeats an earlier completion with the same outcome. */
    isFirstCompletion: z
      .boolean()
      .describe('false when this repeats an earlier completion with the same outcome'),
    /** What happened to the journey waiting on the task. */
    journey: z.enum(SIGNAL_OUTCOMES).describe('what happened to the journey waiting on the task'),
  })
  .describe('the completed task and what it set off');

// The domain's refusals as API errors; the operator id is the one field a refusal can blame.
const CALL_TASK_ERRORS = {
  call_task_not_found: { code: 'not_found', field: 'params.id' },
  call_task_already_completed: { code: 'conflict', field: null },
  call_task_cancelled: { code: 'conflict', field: null },
  call_task_taken: { code: 'conflict', field: null },
  operator_not_found: { code: 'not_found', field: 'body.operatorId' },
  client_not_found: { code: 'not_found', field: null },
} as const satisfies Record<CallTaskError['code'], { code: ApiError['code']; field: string | null }>;

/** Runs a domain call, turning its `CallTaskError` into the API's error (naming the field). */
async function asApiErrors<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (!(error instanceof CallTaskError)) throw error;
    const { code, field } = CALL_TASK_ERRORS[error.code];
    throw new ApiError(code, field ? `${field}: ${error.message}` : error.message);
  });
}

async function loadCallTask(db: Database, taskId: string): Promise<CallTaskWithClient> {
  const row = await findCallTask(db, taskId);
  if (row === null) throw new ApiError('not_found', `params.id: no call task "${taskId}"`);
  return row;
}

async function completeTask(
  options: CallTaskRoutesOptions,
  taskId: string,
  body: z.infer<typeof CompleteCallTaskBody>,
  log: FastifyBaseLogger,
): Promise<z.infer<typeof CompleteCallTaskResponse>> {
  const result = await asApiErrors(completeCallTask(options.db, { taskId, ...body }));
  // After the commit, the event takes the road of every stored event; the sweep routes it if this fails.
  if (result.storedEvent.isNew) routeInBackground(options.router ?? null, [result.storedEvent.eventId], log);
  // A failed signal leaves the outcome recorded and a retry signals again.
  const journey = await signalJourney(options.temporal, result.workflowId, result.event);
  return {
    task: toResponse(await loadCallTask(options.db, taskId)),
    funnelAction: result.funnelAction,
    isFirstCompletion: result.isFirstCompletion,
    journey,
  };
}

/** The call-center queue: list, claim, complete with an outcome (funnel action + signal to the journey). */
export const callTaskRoutes: FastifyPluginAsyncZod<CallTaskRoutesOptions> = async (app, options) => {
  const { db } = options;
  app.get(
    '/v1/call-tasks',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        summary: 'List call tasks',
        description:
          "The operators' queue: tasks in the given states, highest priority and earliest due first.",
        querystring: CallTaskListQuery,
        response: {
          200: z.object({ items: z.array(CallTaskResponse).describe('the tasks') }).describe('the queue'),
        },
      },
    },
    async (request) => {
      const rows = await listCallTasks(db, { ...request.query, statuses: request.query.status });
      const now = Date.now();
      return { items: rows.map((row) => toResponse(row, now)) };
    },
  );
  app.post(
    '/v1/call-tasks/:id/claim',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        summary: 'Claim a call task',
        description: 'An operator takes the task; one claimed by another operator, or done, is a 409.',
        params: TaskParams,
        body: z.strictObject({ operatorId: z.uuid().describe('the operator taking the task') }),
        response: { 200: CallTaskResponse, ...routeErrors(409) },
      },
    },
    async (request) =>
      toResponse(await asApiErrors(claimCallTask(db, request.params.id, request.body.operatorId))),
  );
  app.post(
    '/v1/call-tasks/:id/complete',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        summary: 'Complete a call task',
        description:
          "Records the call's outcome and its funnel action, then tells the journey waiting on it. " +
          'Repeating the same outcome is harmless; another outcome after completion is a 409.',
        params: TaskParams,
        body: CompleteCallTaskBody,
        response: { 200: CompleteCallTaskResponse, ...routeErrors(409) },
      },
    },
    async (request) => completeTask(options, request.params.id, request.body, request.log),
  );
};
