import { getTemplateUsersQuery, type TemplateUser } from './template-uses';
import { templates, type Executor, type TemplateRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** Thrown when a template to delete is still sent by a journey not archived (draft or current version). */
export class TemplateInUseError extends Error {
  constructor(readonly users: TemplateUser[]) {
    super(`the template is sent by ${users.length} journey(s)`);
    this.name = 'TemplateInUseError';
  }
}

/**
 * Removes a template nobody sends: a journey not archived whose draft or current version has a step
 * sending it keeps it (`TemplateInUseError`, naming the journeys), so no run fails on a missing message.
 */
export async function deleteTemplate(db: Executor, row: TemplateRow): Promise<void> {
  const users = await getTemplateUsersQuery(db, row);
  if (users.length > 0) throw new TemplateInUseError(users);
  await db.delete(templates).where(eq(templates.id, row.id));
}
