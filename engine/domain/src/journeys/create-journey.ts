import { journeys, templates, type Database, type JourneyRow, type NewTemplateRow } from '@touchpoint/db';

/** What a new journey starts with: its name, description and draft definition. */
export interface NewJourney {
  name: string;
  description?: string | undefined;
  draft: JourneyRow['draft'];
}

/**
 * Creates a draft journey, with the templates it needs (an imported journey file's, already checked),
 * all or nothing: a template refused by the unique (key, channel) index leaves no journey behind.
 */
export async function createJourney(
  db: Database,
  journey: NewJourney,
  withTemplates: readonly NewTemplateRow[] = [],
): Promise<JourneyRow> {
  return db.transaction(async (tx) => {
    if (withTemplates.length > 0) await tx.insert(templates).values([...withTemplates]);
    const [row] = await tx.insert(journeys).values(journey).returning();
    return row!;
  });
}
