import type { Database, JourneyRow, TemplateRow } from '@touchpoint/db';
import { createJourney, listTemplates } from '@touchpoint/domain';
import { ApiError } from '../../api-error';
import { checkTemplateRenders } from '../templates/render-preview';
import { toTemplateColumns } from '../templates/template-columns';
import type { JourneyFile } from './journey-file';

type TemplateColumns = ReturnType<typeof toTemplateColumns>;

const isSameContent = (row: TemplateRow, columns: TemplateColumns) =>
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
  const existing = await listTemplates(db);
  const byKey = new Map(existing.map((row) => [`${row.key}\u0000${row.channel}`, row]));
  const created: TemplateColumns[] = [];
  const reused: string[] = [];
  for (const [index, template] of file.templates.entries()) {
    const columns = toTemplateColumns(template);
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
  const draft = { name: file.name, description: file.description, draft: file.definition };
  return {
    journey: await createJourney(db, draft, created),
    createdTemplates: created.map((columns) => `${columns.key} (${columns.channel})`),
    reusedTemplates: reused,
  };
}
