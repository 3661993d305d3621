import { z } from 'zod';
import { ApiError } from '../api-error';

/** `:id` of a catalog row. */
export const CatalogParams = z.object({ id: z.uuid().describe("the row's id (a UUID)") });

/** PostgreSQL's unique_violation; drizzle wraps driver errors, so the whole `cause` chain is searched. */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error || typeof current === 'object';) {
    if (current === null) return false;
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
    if (current === undefined) return false;
  }
  return false;
}

/**
 * Runs a write and turns a unique-key clash into a 409 naming the business key (`body.sku`), so a client
 * can tell "already exists" from a server fault.
 */
export async function writeUnique<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError('conflict', `body.${field}: already in use`);
    throw error;
  }
}

/** The row, or a 404 naming what was looked for. */
export function foundOr404<T>(row: T | undefined, what: string, id: string): T {
  if (row === undefined) throw new ApiError('not_found', `params.id: no ${what} "${id}"`);
  return row;
}
