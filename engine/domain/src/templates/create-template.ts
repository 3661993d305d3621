import { templates, type Executor, type NewTemplateRow, type TemplateRow } from '@touchpoint/db';

/** Stores a template the caller has checked (its key free, a trial render passed). */
export async function createTemplate(db: Executor, columns: NewTemplateRow): Promise<TemplateRow> {
  const [row] = await db.insert(templates).values(columns).returning();
  return row!;
}
