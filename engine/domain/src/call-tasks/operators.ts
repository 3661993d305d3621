import { users, type Executor } from '@touchpoint/db';
import { asc, eq } from 'drizzle-orm';

/** A person who works call tasks: the id claims and outcomes name. */
export interface Operator {
  id: string;
  name: string;
  email: string;
}

/** Every user with the operator role, by name (the builder's "working as" choice). */
export async function listOperators(db: Executor): Promise<Operator[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.role, 'operator'))
    .orderBy(asc(users.name), asc(users.id));
}

/** Adds an operator, or answers the one already registered with that email (its name kept). */
export async function addOperator(db: Executor, input: { name: string; email: string }): Promise<Operator> {
  const email = input.email.toLowerCase();
  await db
    .insert(users)
    .values({ name: input.name, email, role: 'operator' })
    .onConflictDoNothing({ target: users.email });
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, email));
  return row!;
}
