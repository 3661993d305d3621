import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { createdAt, moment, updatedAt } from './columns';
import { clients } from './clients';
import { enrollments } from './enrollments';
import type { CallTaskStatus } from './kinds';
import { users } from './users';

/** What the operator sees besides the client card: script, offer, reason for the call. */
export const CallTaskPayload = z.record(z.string(), z.unknown());
export type CallTaskPayload = z.infer<typeof CallTaskPayload>;

/**
 * A call-center task created by a journey. Completing it records `outcome` (a funnel action type or a
 * reason such as `noAnswer`), which the API turns into a funnel action and a signal to `workflowId`.
 * The operators' queue orders open tasks by `priority` (higher first), then `dueAt`; `slaDueAt` is when
 * the call must have happened at the latest. `assignedTo` pins a task to one operator before anyone
 * claims it; `claimedBy` is who actually took it.
 */
export const callTasks = pgTable(
  'call_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    journeyId: uuid('journey_id'),
    journeyVersion: integer('journey_version'),
    nodeId: text('node_id'),
    workflowId: text('workflow_id'),
    messageId: uuid('message_id'),
    status: text('status').$type<CallTaskStatus>().notNull().default('open'),
    payload: jsonb('payload').$type<CallTaskPayload>().notNull().default({}),
    priority: integer('priority').notNull().default(50),
    dueAt: moment('due_at'),
    slaDueAt: moment('sla_due_at'),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: moment('claimed_at'),
    completedAt: moment('completed_at'),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('call_tasks_idempotency_key_key').on(t.idempotencyKey),
    index('call_tasks_status_due_idx').on(t.status, t.dueAt),
    index('call_tasks_queue_idx').on(t.status, t.priority.desc(), t.dueAt),
    index('call_tasks_client_idx').on(t.clientId),
  ],
);

export type CallTaskRow = typeof callTasks.$inferSelect;
export type NewCallTaskRow = typeof callTasks.$inferInsert;
