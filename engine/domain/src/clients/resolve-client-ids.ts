import { clients, type Executor } from '@touchpoint/db';
import { inArray } from 'drizzle-orm';

/** Touchpoint's ids of the clients the CRM knows by these ids; unknown ones are absent from the map. */
export async function resolveClientIds(
  db: Executor,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ id: clients.id, externalId: clients.externalId })
    .from(clients)
    .where(inArray(clients.externalId, [...new Set(externalIds)]));
  return new Map(rows.map((row) => [row.externalId, row.id]));
}
