import type { Database, TemplateRow } from '@touchpoint/db';
import { journeys, templates, type JourneyRow } from '@touchpoint/db';
import { ApiError } from '../../api-error';
import { checkTemplateRenders } from '../templates/render-preview';
import type { TemplateBody } from '../templates/template-body';
import type { JourneyFile } from './journey-file';

/** The stored columns of a file's template (email keeps its format and subject; others are text). */
function toColumns(template: TemplateBody) {
  return {
    key: template.key,
    channel: template.channel,
    name: template.name,
    format: template.channel === 'email' ? template.format : ('text' as const),
    subject: template.channel === 'email' ? template.subject : null,
    body: template.body,
  };
}

const isSameContent = (row: TemplateRow, columns: ReturnType<typeof toColumns>) =>
  row.format === columns.format && row.subject === columns.subject && row.body === columns.body;

/** What an import did: the new draft, and which templates it added or found already there. */
export interface ImportedJourney {
  journey: JourneyRow;
  createdTemplates: string[];
  reusedTemplates: string[];
}

/**
 * Creates a draft from a journey file, with the templates it needs, all or nothing. A template the
 * install already has under the same key and channel is reused when its content is the same and
 * refused (409, naming it) when not: an import never overwrites a message other journeys may send.
 */
export async function importJourneyFile(db: Database, file: JourneyFile): Promise<ImportedJourney> {
  const existing = await db.select().from(templates);
  const byKey = new Map(existing.map((row) => [`${row.key}\u0000${row.channel}`, row]));
  const created: ReturnType<typeof toColumns>[] = [];
  const reused: string[] = [];
  for (const [index, template] of file.templates.entries()) {
    const columns = toColumns(template);
    const found = byKey.get(`${columns.key}\u0000${columns.channel}`);
    if (found && !isSameContent(found, columns)) {
      throw new ApiError(
        'conflict',
        `body.templates.${index}.key: this install has a different ${columns.channel} template "${columns.key}"`,
      );
    }
    if (found) reused.push(`${columns.key} (${columns.channel})`);
    else created.push(columns);
  }
  const now = new Date();
  // The same trial render a template written through the API gets: no file tags, Liquid and MJML that render.
  for (const columns of created)
    await checkTemplateRenders({ id: '', createdAt: now, updatedAt: now, ...columns });
  return db.transaction(async (tx) => {
    if (created.length > 0) await tx.insert(templates).values(created);
    const [journey] = await tx
      .insert(journeys)
      .values({ name: file.name, description: file.description, draft: file.definition })
      .returning();
    return {
      journey: journey!,
      createdTemplates: created.map((columns) => `${columns.key} (${columns.channel})`),
      reusedTemplates: reused,
    };
  });
}
