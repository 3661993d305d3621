import { listTemplateUses } from '@touchpoint/language';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@touchpoint/db';
import { journeys, journeyVersions, type StoredJourneyDefinition, type TemplateRow } from '@touchpoint/db';

/** A journey that sends a template: in its draft, its current published version, or both, and where. */
export interface TemplateUser {
  journeyId: string;
  name: string;
  status: string;
  /** The published version that sends it; null when only the draft does. */
  publishedVersion: number | null;
  isInDraft: boolean;
  /** The steps that send it (their names, or ids when unnamed), draft and published together. */
  steps: string[];
}

/** The steps of a definition that send this very variant: named by key or id, on a channel it tries. */
function stepsSending(definition: StoredJourneyDefinition, row: TemplateRow): string[] {
  return listTemplateUses(definition)
    .filter(
      (use) =>
        (use.templateId === row.key || use.templateId === row.id) && use.channels.includes(row.channel),
    )
    .map((use) => use.nodeName ?? use.nodeId);
}

/**
 * The journeys not archived whose draft or current version sends `row` (its key or id, on its
 * channel). Deleting such a template would break the next publish or the running clients' next send,
 * so the API refuses it and names these. Definitions whose text does not even contain the key or id
 * are skipped in SQL; the rest are parsed with the journey language, which decides what a step sends.
 */
export async function getTemplateUsersQuery(db: Executor, row: TemplateRow): Promise<TemplateUser[]> {
  const mentions = (column: typeof journeys.draft | typeof journeyVersions.definition) =>
    sql`(strpos(${column}::text, ${JSON.stringify(row.key)}) > 0 or strpos(${column}::text, ${JSON.stringify(row.id)}) > 0)`;
  const candidates = await db
    .select({
      journeyId: journeys.id,
      name: journeys.name,
      status: journeys.status,
      draft: journeys.draft,
      draftMentions: mentions(journeys.draft).mapWith(Boolean),
      publishedVersion: journeyVersions.number,
      published: journeyVersions.definition,
    })
    .from(journeys)
    .leftJoin(
      journeyVersions,
      and(eq(journeyVersions.journeyId, journeys.id), eq(journeyVersions.number, journeys.currentVersion)),
    )
    .where(
      and(
        ne(journeys.status, 'archived'),
        sql`(${mentions(journeys.draft)} or ${mentions(journeyVersions.definition)})`,
      ),
    )
    .orderBy(journeys.name, journeys.id);
  const users: TemplateUser[] = [];
  for (const candidate of candidates) {
    const inDraft = candidate.draftMentions ? stepsSending(candidate.draft, row) : [];
    const inPublished = candidate.published === null ? [] : stepsSending(candidate.published, row);
    if (inDraft.length === 0 && inPublished.length === 0) continue;
    users.push({
      journeyId: candidate.journeyId,
      name: candidate.name,
      status: candidate.status,
      publishedVersion: inPublished.length > 0 ? candidate.publishedVersion : null,
      isInDraft: inDraft.length > 0,
      steps: [...new Set([...inDraft, ...inPublished])],
    });
  }
  return users;
}
