import { KeyInUseError } from '@touchpoint/domain';
import { z } from 'zod';
import { ApiError } from '../api-error';

/** `:id` of a catalog row. */
export const CatalogParams = z.object({ id: z.uuid().describe("the row's id (a UUID)") });

/**
 * Runs a domain write and turns its `KeyInUseError` into a 409 naming the business key (`body.sku`), so
 * a client can tell "already exists" from a server fault.
 */
export async function conflictOnKeyInUse<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof KeyInUseError) throw new ApiError('conflict', `body.${error.field}: already in use`);
    throw error;
  }
}

/** The row, or a 404 naming what was looked for. */
export function foundOr404<T>(row: T | undefined, what: string, id: string): T {
  if (row === undefined) throw new ApiError('not_found', `params.id: no ${what} "${id}"`);
  return row;
}

/** A delete that found its row, or a 404 naming what was looked for. */
export function deletedOr404(isDeleted: boolean, what: string, id: string): void {
  if (!isDeleted) throw new ApiError('not_found', `params.id: no ${what} "${id}"`);
}
