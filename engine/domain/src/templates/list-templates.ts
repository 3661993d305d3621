import { templates, type Executor, type TemplateRow } from '@touchpoint/db';
import type { ChannelKind } from '@touchpoint/language';
import { asc, eq } from 'drizzle-orm';

/** Every template, by key and channel, or only those of one channel. */
export async function listTemplates(db: Executor, channel?: ChannelKind): Promise<TemplateRow[]> {
  return db
    .select()
    .from(templates)
    .where(channel === undefined ? undefined : eq(templates.channel, channel))
    .orderBy(asc(templates.key), asc(templates.channel));
}
