import type { Database, TemplateRow } from '@touchpoint/db';
import { getTemplatesByReferenceQuery } from '@touchpoint/domain';
import { listTemplateReferences } from '@touchpoint/language';
import { loadJourney } from '../journeys/load-journey';
import type { TemplateBody } from '../templates/template-body';
import { JOURNEY_FILE_FORMAT, type JourneyFile } from './journey-file';

/** A stored template in the shape the API writes, so a file imports through the same checks. */
function toTemplateBody(row: TemplateRow): TemplateBody {
  const common = { key: row.key, name: row.name, body: row.body };
  if (row.channel === 'email') {
    return {
      ...common,
      channel: 'email',
      format: row.format === 'html' ? 'html' : 'mjml',
      subject: row.subject ?? '',
    };
  }
  return { ...common, channel: row.channel };
}

/** The journey's draft as a file, with every variant of every template it sends. */
export async function exportJourneyFile(db: Database, journeyId: string): Promise<JourneyFile> {
  const journey = await loadJourney(db, journeyId);
  const rows = await getTemplatesByReferenceQuery(db, listTemplateReferences(journey.draft));
  return {
    format: JOURNEY_FILE_FORMAT,
    formatVersion: 1,
    name: journey.name,
    ...(journey.description ? { description: journey.description } : {}),
    definition: journey.draft as Record<string, unknown>,
    templates: rows.map(toTemplateBody),
  };
}
