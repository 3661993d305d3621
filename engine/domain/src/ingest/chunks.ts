/**
 * Rows per multi-row statement. PostgreSQL allows 65,535 bind parameters in one statement; the widest
 * ingest write (the `client_facts` upsert) has 13 columns, so 1,000 rows (13,000 parameters) stays far
 * below it while keeping a batch of 10,000 to ten round trips per table.
 */
export const ROWS_PER_STATEMENT = 1_000;

/** `items` cut into consecutive slices of at most `size` (the last may be shorter). */
export function chunksOf<T>(items: readonly T[], size: number = ROWS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
