import { callTasks, clients, type Executor } from '@touchpoint/db';
import { eq, sql } from 'drizzle-orm';

/** The columns the operators' screen shows: the task and who to call. */
export const callTaskWithClientColumns = {
  task: callTasks,
  client: {
    externalId: clients.externalId,
    name: sql<string | null>`${clients.attributes} ->> 'name'`,
    phone: clients.phone,
    email: clients.email,
  },
};

/** One task with its client; null when no task has that id. */
export async function findCallTask(db: Executor, taskId: string) {
  const [row] = await db
    .select(callTaskWithClientColumns)
    .from(callTasks)
    .innerJoin(clients, eq(clients.id, callTasks.clientId))
    .where(eq(callTasks.id, taskId));
  return row ?? null;
}

/** A task as `findCallTask` returns it. */
export type CallTaskWithClient = NonNullable<Awaited<ReturnType<typeof findCallTask>>>;
