import type { Client } from '@temporalio/client';
import { CallOutcome, CallTaskError, completeCallTask } from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import { CALL_TASK_STATUSES } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRouter } from '../../../router';
import { z } from 'zod';
import { ApiError, ApiErrorBody } from '../../api-error';
import { SIGNAL_OUTCOMES, signalJourney } from '../../signal-journey';
import { routeInBackground } from '../route-deps';
import { claimCallTask, listCallTasks, loadCallTask } from './call-task-queries';

/**
 * Dependencies of the call-task routes; `temporal` resumes the journey waiting on an outcome, the
 * router delivers the stored outcome event to every other journey (entries on `call.*` included).
 */
export interface CallTaskRoutesOptions {
  db: Database;
  temporal?: Client | undefined;
  router?: EventRouter | null;
}

const TaskParams = z.object({ id: z.uuid() });

export const CallTaskListQuery = z.strictObject({
  /** Comma-separated states; the open queue by default. */
  status: z
    .string()
    .default('open')
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(CALL_TASK_STATUSES)).min(1)),
  /** Only tasks this operator may work on (pinned to them or to nobody). */
  operatorId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** A task as the operators' screen shows it. `isSlaBreached`: still not done after its SLA time. */
export const CallTaskResponse = z.object({
  id: z.string(),
  status: z.enum(CALL_TASK_STATUSES),
  priority: z.number().int(),
  dueAt: z.date().nullable(),
  slaDueAt: z.date().nullable(),
  isSlaBreached: z.boolean(),
  assignedTo: z.string().nullable(),
  claimedBy: z.string().nullable(),
  claimedAt: z.date().nullable(),
  client: z.object({ id: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  journeyId: z.string().nullable(),
  journeyVersion: z.number().nullable(),
  nodeId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  completedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type CallTaskResponse = z.infer<typeof CallTaskResponse>;

type TaskWithClient = Awaited<ReturnType<typeof loadCallTask>>;

function toResponse({ task, client }: TaskWithClient, now = Date.now()): CallTaskResponse {
  const isOpen = task.status === 'open' || task.status === 'claimed';
  return {
    ...task,
    isSlaBreached: isOpen && task.slaDueAt !== null && task.slaDueAt.getTime() < now,
    client: { id: client.externalId, phone: client.phone, email: client.email },
  };
}

export const CompleteCallTaskBody = z.strictObject({
  outcome: CallOutcome,
  note: z.string().max(4000).optional(),
  operatorId: z.uuid().optional(),
});

export const CompleteCallTaskResponse = z.object({
  task: CallTaskResponse,
  funnelAction: z.object({ type: z.string(), sourceKey: z.string() }).nullable(),
  /** False when this repeats an earlier completion with the same outcome. */
  isFirstCompletion: z.boolean(),
  /** What happened to the journey waiting on the task. */
  journey: z.enum(SIGNAL_OUTCOMES),
});

const CALL_TASK_ERRORS = {
  call_task_not_found: 'not_found',
  call_task_already_completed: 'conflict',
  client_not_found: 'not_found',
} as const satisfies Record<CallTaskError['code'], ApiError['code']>;

async function completeTask(
  options: CallTaskRoutesOptions,
  taskId: string,
  body: z.infer<typeof CompleteCallTaskBody>,
  log: FastifyBaseLogger,
): Promise<z.infer<typeof CompleteCallTaskResponse>> {
  const { task } = await loadCallTask(options.db, taskId);
  if (body.operatorId && task.claimedBy && task.claimedBy !== body.operatorId && task.status === 'claimed') {
    throw new ApiError('conflict', `call task ${taskId} is claimed by another operator`);
  }
  if (task.status === 'cancelled') throw new ApiError('conflict', `call task ${taskId} was cancelled`);
  const result = await completeCallTask(options.db, { taskId, ...body }).catch((error: unknown) => {
    if (error instanceof CallTaskError) throw new ApiError(CALL_TASK_ERRORS[error.code], error.message);
    throw error;
  });
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
  const errors = { '4xx': ApiErrorBody, '5xx': ApiErrorBody };
  app.get(
    '/v1/call-tasks',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        querystring: CallTaskListQuery,
        response: { 200: z.object({ items: z.array(CallTaskResponse) }), ...errors },
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
        params: TaskParams,
        body: z.strictObject({ operatorId: z.uuid() }),
        response: { 200: CallTaskResponse, ...errors },
      },
    },
    async (request) => toResponse(await claimCallTask(db, request.params.id, request.body.operatorId)),
  );
  app.post(
    '/v1/call-tasks/:id/complete',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        params: TaskParams,
        body: CompleteCallTaskBody,
        response: { 200: CompleteCallTaskResponse, ...errors },
      },
    },
    async (request) => completeTask(options, request.params.id, request.body, request.log),
  );
};
