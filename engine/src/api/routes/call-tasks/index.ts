import type { Client } from '@temporalio/client';
import {
  CallTaskError,
  claimCallTask,
  completeCallTask,
  countCallTasks,
  findCallTask,
  listCallTasks,
  releaseCallTask,
  type CallTaskWithClient,
} from '@touchpoint/domain';
import type { Database } from '@touchpoint/db';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRouter } from '../../../router';
import { z } from 'zod';
import { ApiError } from '../../api-error';
import { routeErrors } from '../../plugins/error-responses';
import { signalJourney } from '../../signal-journey';
import { routeInBackground } from '../route-deps';
import {
  CallTaskListQuery,
  CallTaskPage,
  CallTaskResponse,
  CompleteCallTaskBody,
  CompleteCallTaskResponse,
  OperatorBody,
  toCallTaskResponse,
} from './call-task-schemas';

export { CallTaskListQuery, CallTaskResponse, CompleteCallTaskBody, CompleteCallTaskResponse };

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
    task: toCallTaskResponse(await loadCallTask(options.db, taskId)),
    funnelAction: result.funnelAction,
    isFirstCompletion: result.isFirstCompletion,
    callback: result.callback,
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
          "One page of the operators' queue: tasks in the given states, narrowed by journey, outcome and " +
          'client search, ordered by priority or SLA, with the total and the count per state.',
        querystring: CallTaskListQuery,
        response: { 200: CallTaskPage },
      },
    },
    async (request) => {
      const { status, outcome, ...rest } = request.query;
      const filter = { ...rest, statuses: status, outcomes: outcome };
      const now = new Date();
      const [rows, counts] = await Promise.all([listCallTasks(db, filter), countCallTasks(db, filter, now)]);
      const total = status.reduce((sum, state) => sum + counts[state], 0);
      return { items: rows.map((row) => toCallTaskResponse(row, now.getTime())), total, counts };
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
        body: OperatorBody,
        response: { 200: CallTaskResponse, ...routeErrors(409) },
      },
    },
    async (request) =>
      toCallTaskResponse(await asApiErrors(claimCallTask(db, request.params.id, request.body.operatorId))),
  );
  app.post(
    '/v1/call-tasks/:id/release',
    {
      config: { scope: 'calls:work' },
      schema: {
        tags: ['call-tasks'],
        summary: 'Release a call task',
        description:
          'The operator holding the task gives it back to the queue; one held by another operator, or ' +
          'done, is a 409. Releasing an open task changes nothing.',
        params: TaskParams,
        body: OperatorBody,
        response: { 200: CallTaskResponse, ...routeErrors(409) },
      },
    },
    async (request) =>
      toCallTaskResponse(await asApiErrors(releaseCallTask(db, request.params.id, request.body.operatorId))),
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
