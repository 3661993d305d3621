import { CALL_OUTCOMES, CallOutcome } from '@touchpoint/language';
import { z } from 'zod';

/**
 * Input of `createCallTask`. Priority (higher first), due time and SLA order the operators' queue;
 * `assignTo` pins the task to one operator (a user id). The idempotency key comes from the node visit.
 */
export const CreateCallTaskInput = z.object({
  idempotencyKey: z.string().min(1),
  clientId: z.string().min(1),
  enrollmentId: z.string().nullable().optional(),
  journeyId: z.string().nullable().optional(),
  journeyVersion: z.number().int().nullable().optional(),
  nodeId: z.string().min(1),
  workflowId: z.string().nullable().optional(),
  priority: z.number().int().min(0).max(100).default(50),
  dueAt: z.iso.datetime({ offset: true }),
  /** Minutes after `dueAt` by which the call must have happened. */
  slaMinutes: z
    .number()
    .int()
    .positive()
    .default(24 * 60),
  assignTo: z.uuid().nullable().optional(),
  script: z.string().default(''),
  offer: z.record(z.string(), z.unknown()).optional(),
  /** The outbox row this task belongs to, when a `send` node created it. */
  messageId: z.uuid().nullable().optional(),
});
export type CreateCallTaskInput = z.input<typeof CreateCallTaskInput>;

/** What an operator records (a set of the journey language); each maps to at most one funnel action. */
export { CALL_OUTCOMES, CallOutcome };

/** Input of `completeCallTask`. */
export const CompleteCallTaskInput = z.object({
  taskId: z.uuid(),
  outcome: CallOutcome,
  note: z.string().optional(),
  operatorId: z.uuid().nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** `callBack` only: when the client asked to be called again; a follow-up task is queued for then. */
  callbackAt: z.iso.datetime({ offset: true }).optional(),
});
export type CompleteCallTaskInput = z.input<typeof CompleteCallTaskInput>;

/**
 * The client event the API signals to the waiting journey (`clientEventSignal` payload): type
 * `call.<outcome>`, keyed `call:<taskId>` so a double submit is one event.
 */
export interface CallOutcomeEvent {
  eventId: string;
  type: `call.${CallOutcome}`;
  occurredAt: string;
  /** `callbackAt`: the call goes on at that time (a follow-up task); the call step waits for its outcome. */
  properties: { taskId: string; outcome: CallOutcome; note?: string; callbackAt?: string };
  nodeId?: string;
  /** The outbox row of the send that created the task. */
  messageId?: string;
}

/** Result of `completeCallTask`: the signal target and payload, and the funnel action recorded. */
export interface CompleteCallTaskResult {
  workflowId: string | null;
  event: CallOutcomeEvent;
  funnelAction: { type: string; sourceKey: string } | null;
  /** False when the task was already completed with this outcome (an idempotent repeat). */
  isFirstCompletion: boolean;
  /** The follow-up call a `callBack` with a time queued; null otherwise. */
  callback: { taskId: string; dueAt: Date } | null;
  /** The stored `call.<outcome>` event; `isNew` false on a repeat (it is routed once). */
  storedEvent: { eventId: number; isNew: boolean };
}
