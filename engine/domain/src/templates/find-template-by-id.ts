import { templates, type Executor, type TemplateRow } from '@touchpoint/db';
import { eq } from 'drizzle-orm';

/** The template with this id, or undefined (a send finds its channel's variant by key: `findTemplate`). */
export async function findTemplateById(db: Executor, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  return row;
}
