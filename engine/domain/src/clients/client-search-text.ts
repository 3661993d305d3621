import { sql, type SQL } from 'drizzle-orm';
import { clients } from '@touchpoint/db';

/**
 * The text client search looks in: CRM id, email, phone and the `name` attribute, lower-cased. It is
 * the expression of the trigram index `clients_search_trgm_idx` (migration 0020), written the same
 * way, so `LIKE '%…%'` over it is answered from the index instead of a scan of every client.
 */
export function clientSearchTextSql(): SQL {
  return sql`lower(${clients.externalId} || ' ' || coalesce(${clients.email}, '') || ' ' || coalesce(${clients.phone}, '') || ' ' || coalesce(${clients.attributes} ->> 'name', ''))`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Clients whose search text contains `query` (case-insensitive; `%` and `_` match themselves). */
export function clientMatchesSql(query: string): SQL {
  return sql`${clientSearchTextSql()} like ${`%${escapeLike(query.toLowerCase())}%`}`;
}
