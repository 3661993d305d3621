import { users, type Executor } from '@touchpoint/db';
import { eq } from 'drizzle-orm';
import { CallTaskError } from './call-task-error';

/** Refuses an operator id that names no user, before any write that would record it. */
export async function assertOperatorExists(db: Executor, operatorId: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, operatorId));
  if (user === undefined) throw new CallTaskError('operator_not_found', `no user "${operatorId}"`);
}
