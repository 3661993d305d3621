import type { Executor, JourneyRow } from '@touchpoint/db';
import { findJourney } from '@touchpoint/domain';
import { ApiError } from '../../api-error';

/** The journey or a 404 naming the id. */
export async function loadJourney(db: Executor, id: string): Promise<JourneyRow> {
  const row = await findJourney(db, id);
  if (row === undefined) throw new ApiError('not_found', `params.id: no journey "${id}"`);
  return row;
}
