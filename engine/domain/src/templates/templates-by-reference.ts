import { inArray, or } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { templates, type TemplateRow } from '@touchpoint/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every template a journey's `templateId`s name: by key (every channel's variant) or by id, as a
 * send resolves them. Keys and ids are few per journey, so one `IN` each.
 */
export async function getTemplatesByReferenceQuery(
  db: Executor,
  references: readonly string[],
): Promise<TemplateRow[]> {
  if (references.length === 0) return [];
  const ids = references.filter((reference) => UUID.test(reference));
  return db
    .select()
    .from(templates)
    .where(
      or(inArray(templates.key, [...references]), ids.length > 0 ? inArray(templates.id, ids) : undefined),
    )
    .orderBy(templates.key, templates.channel);
}
