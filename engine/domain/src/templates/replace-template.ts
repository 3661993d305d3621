import { templates, type Executor, type NewTemplateRow, type TemplateRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** Replaces a checked template's columns; sends from then on use it. Undefined when no template has the id. */
export async function replaceTemplate(
  db: Executor,
  id: string,
  columns: NewTemplateRow,
): Promise<TemplateRow | undefined> {
  const [row] = await db
    .update(templates)
    .set({ ...columns, updatedAt: new Date() })
    .where(eq(templates.id, id))
    .returning();
  return row;
}
