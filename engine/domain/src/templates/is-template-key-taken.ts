import { templates, type Executor } from '@touchpoint/db';
import type { ChannelKind } from '@touchpoint/language';
import { and, eq, ne } from 'drizzle-orm';

/**
 * Whether another template of the channel has the key: what the unique (key, channel) index would
 * reject, asked first so the answer can name the field; the index still settles a race between writers.
 */
export async function isTemplateKeyTaken(
  db: Executor,
  key: string,
  channel: ChannelKind,
  exceptId: string | null,
): Promise<boolean> {
  const clash = and(
    eq(templates.key, key),
    eq(templates.channel, channel),
    exceptId === null ? undefined : ne(templates.id, exceptId),
  );
  const [existing] = await db.select({ id: templates.id }).from(templates).where(clash);
  return existing !== undefined;
}
