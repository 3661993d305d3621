import {
  ApplicationFailure,
  CancellationScope,
  continueAsNew,
  isCancellation,
  patched,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { compileJourney, nextNodeOf } from '@touchpoint/language';
import type { JourneyPlan } from '@touchpoint/language';
import { BATCHED_BOOKKEEPING_PATCH, BookkeepingBatch } from './bookkeeping';
import { runNode } from './handlers/run-node';
import type { JourneyRunState, JourneyWorkflowInput, JourneyWorkflowResult } from './journey-workflow-types';
import { acceptMigration, prepareMigration } from './migration';
import { RunContext } from './run-context';
import { describeRunFailure, FAILED_ENROLLMENT_PATCH, failureReason } from './run-failure';
import type { ExitRequest } from './run-context';
import { NODE_ID_ATTRIBUTE } from './search-attributes';
import {
  clientEventSignal,
  clientEventsSignal,
  exitEnrollmentSignal,
  getCurrentNodeQuery,
  getEventCountQuery,
  getPathQuery,
  migrateEnrollmentSignal,
} from './signals';
import type { ClientEvent } from './signals';

const PATH_LIMIT = 500;

function compileOrFail(input: JourneyWorkflowInput): JourneyPlan {
  const compiled = compileJourney(input.definition);
  if (compiled.ok) return compiled.plan;
  const problems = compiled.problems.map((problem) => problem.message).join('; ');
  throw ApplicationFailure.nonRetryable(
    `Journey ${input.journeyId} v${input.journeyVersion} does not compile: ${problems}`,
    'InvalidJourney',
  );
}

function initialState(plan: JourneyPlan): JourneyRunState {
  const now = Date.now();
  return {
    enrollmentId: '',
    // The execution's start, not this task's clock: a first workflow task that fails (a signal arrived
    // meanwhile) runs again later, and the enrollment must keep the same identity for beginEnrollment.
    enrolledAt: workflowInfo().startTime.getTime(),
    cursor: {
      nodeId: plan.entryNodeId,
      visitSeq: 0,
      enteredAt: now,
      eventSeqAtEntry: 0,
      from: null,
      isRecorded: false,
    },
    nextVisitSeq: 1,
    eventSeq: 0,
    inbox: [],
    seenEventIds: [],
    sentMessages: {},
    path: [],
  };
}

function registerHandlers(ctx: RunContext): void {
  const accept = (event: ClientEvent) => {
    const accepted = ctx.acceptEvent(event);
    if (accepted) ctx.checkGoal(accepted, Date.now());
  };
  setHandler(clientEventSignal, accept);
  setHandler(clientEventsSignal, ({ events }) => events.forEach(accept));
  setHandler(migrateEnrollmentSignal, (request) => acceptMigration(ctx, request));
  setHandler(exitEnrollmentSignal, ({ reason }) => {
    ctx.exitRequest ??= { status: 'exited', reason };
  });
  setHandler(getCurrentNodeQuery, () => (ctx.state.enrollmentId ? ctx.state.cursor.nodeId : null));
  setHandler(getPathQuery, () => [...ctx.state.path]);
  setHandler(getEventCountQuery, () => ctx.state.eventSeq);
}

async function recordArrival(ctx: RunContext): Promise<void> {
  const { cursor } = ctx.state;
  const visit = {
    enrollmentId: ctx.state.enrollmentId,
    journeyId: ctx.input.journeyId,
    journeyVersion: ctx.input.journeyVersion,
    nodeId: cursor.nodeId,
    visitSeq: cursor.visitSeq,
    at: new Date(cursor.enteredAt).toISOString(),
    from: cursor.from,
  };
  if (ctx.bookkeeping) {
    await ctx.bookkeeping.add({ kind: 'visit', ...visit });
    ctx.bookkeeping.showNode(cursor.nodeId);
  } else {
    await ctx.activities.recordNodeVisit(visit);
    if (ctx.input.useSearchAttributes !== false)
      upsertSearchAttributes([{ key: NODE_ID_ATTRIBUTE, value: cursor.nodeId }]);
  }
  cursor.isRecorded = true;
  ctx.state.path = [...ctx.state.path, cursor.nodeId].slice(-PATH_LIMIT);
}

function advance(ctx: RunContext, target: string, port: string, skipReason: string | undefined): void {
  const { state } = ctx;
  const from = {
    nodeId: state.cursor.nodeId,
    visitSeq: state.cursor.visitSeq,
    port,
    ...(skipReason ? { skipReason } : {}),
  };
  state.cursor = {
    nodeId: target,
    visitSeq: state.nextVisitSeq,
    enteredAt: Date.now(),
    eventSeqAtEntry: state.eventSeq,
    from,
    isRecorded: false,
  };
  state.nextVisitSeq += 1;
  // A migration is for the node the client was waiting on; once it has left, it no longer applies.
  ctx.migrationRequest = null;
  // Events before arrival never count for the new node: drop them so the carried inbox stays small.
  state.inbox = [];
}

/** Records how the enrollment ended: in the batch and flushed (batched runs), else by its own activity. */
async function recordFinish(
  ctx: RunContext,
  exit: { status: 'completed' | 'exited' | 'failed'; reason: string },
): Promise<void> {
  const finished = {
    enrollmentId: ctx.state.enrollmentId,
    status: exit.status,
    reason: exit.reason,
    at: new Date().toISOString(),
    lastVisitSeq: ctx.state.cursor.isRecorded ? ctx.state.cursor.visitSeq : null,
  };
  if (!ctx.bookkeeping) return ctx.activities.finishEnrollment(finished);
  await ctx.bookkeeping.add({ kind: 'finish', ...finished });
  await ctx.bookkeeping.flush();
}

async function finish(ctx: RunContext, exit: ExitRequest): Promise<JourneyWorkflowResult> {
  await recordFinish(ctx, exit);
  return { status: exit.status, reason: exit.reason, path: [...ctx.state.path] };
}

/** Continues as new once this run's batched writes are on record (the next run starts a new batch). */
async function continueRun(ctx: RunContext, next: JourneyWorkflowInput): Promise<never> {
  await ctx.flushBookkeeping();
  return continueAsNew<typeof journeyWorkflow>(next);
}

async function runLoop(ctx: RunContext): Promise<JourneyWorkflowResult> {
  const { plan, state } = ctx;
  for (;;) {
    if (ctx.exitRequest) return finish(ctx, ctx.exitRequest);
    const node = plan.nodes[state.cursor.nodeId];
    if (!node)
      throw ApplicationFailure.nonRetryable(`No node "${state.cursor.nodeId}" in the plan`, 'InvalidJourney');
    if (!state.cursor.isRecorded) await recordArrival(ctx);
    if (ctx.exitRequest) continue;
    const outcome = await runNode(node, ctx);
    if (outcome.kind === 'interrupted') {
      if (ctx.exitRequest) continue;
      if (ctx.migrationRequest) return continueRun(ctx, await prepareMigration(ctx, ctx.migrationRequest));
      return continueRun(ctx, { ...ctx.input, state });
    }
    if (outcome.kind === 'exit') return finish(ctx, outcome);
    const target = nextNodeOf(plan, node.id, outcome.port);
    if (target === null) {
      const reason =
        outcome.port === 'skipped'
          ? (outcome.skipReason ?? 'checkpointPassed')
          : `unconnected:${outcome.port}`;
      return finish(ctx, { status: 'exited', reason });
    }
    advance(ctx, target, outcome.port, outcome.skipReason);
    if (ctx.shouldContinueAsNew()) return continueRun(ctx, { ...ctx.input, state });
  }
}

/**
 * One client's run through one journey version: compiles the definition snapshot, then walks the
 * plan node by node, recording every visit. Client events arrive by `clientEventSignal`; the goal
 * exits the client as converted at any node; cancellation is an exit with reason `cancelled`, a failure
 * for good finishes the enrollment as `failed` (see {@link finishFailed}). Long
 * runs continue as new carrying their state, so history stays bounded however many events arrive.
 */
export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<JourneyWorkflowResult> {
  const plan = compileOrFail(input);
  // Asked once per run, before any command: the whole run either batches its bookkeeping or not.
  const bookkeeping = patched(BATCHED_BOOKKEEPING_PATCH)
    ? new BookkeepingBatch(input.useSearchAttributes !== false)
    : null;
  const ctx = new RunContext(input, plan, input.state ?? initialState(plan), bookkeeping);
  registerHandlers(ctx);
  try {
    if (!ctx.state.enrollmentId) await beginRecord(ctx);
    return await runLoop(ctx);
  } catch (error) {
    if (!ctx.state.enrollmentId) throw error;
    if (isCancellation(error))
      return CancellationScope.nonCancellable(() => finish(ctx, { status: 'exited', reason: 'cancelled' }));
    await finishFailed(ctx, error);
    throw error;
  }
}

/** Begins the enrollment: queued with an id of the run's own (batched) or created by its activity. */
async function beginRecord(ctx: RunContext): Promise<void> {
  const { input } = ctx;
  const begin = {
    workflowId: workflowInfo().workflowId,
    journeyId: input.journeyId,
    journeyVersion: input.journeyVersion,
    clientId: input.clientId,
    enrollmentKey: input.enrollmentKey,
    source: input.source,
    enteredAt: new Date(ctx.state.enrolledAt).toISOString(),
    // Only the activity's input grows (no command changes), so older histories replay unchanged.
    experiment: {
      holdout: ctx.plan.definition.settings.holdout ?? null,
      purpose: ctx.plan.definition.settings.purpose ?? 'promotional',
    },
  };
  if (ctx.bookkeeping) {
    // uuid4() is seeded by the execution, so a retried first task draws the same id.
    const enrollmentId = uuid4();
    await ctx.bookkeeping.add({ kind: 'begin', enrollmentId, ...begin });
    ctx.state.enrollmentId = enrollmentId;
    return;
  }
  ctx.state.enrollmentId = (await ctx.activities.beginEnrollment(begin)).enrollmentId;
}

/**
 * Records a run that fails for good (a non-retryable activity failure, an invalid plan) as `failed`
 * with its reason, so the enrollment stops counting as active. The workflow still fails afterwards:
 * Temporal keeps the full failure, the enrollment row the short reason.
 */
async function finishFailed(ctx: RunContext, error: unknown): Promise<void> {
  const failure = describeRunFailure(error);
  if (!failure || !patched(FAILED_ENROLLMENT_PATCH)) return;
  // Batched: the writes still queued (the visits before the failure) are recorded with it.
  await recordFinish(ctx, { status: 'failed', reason: failureReason(failure) });
}
