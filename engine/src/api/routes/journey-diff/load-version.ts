import type { Database, JourneyVersionRow } from '@touchpoint/db';
import { findJourneyVersion } from '@touchpoint/domain';
import { ApiError } from '../../api-error';

/** One published version, or a 404 naming the parameter that pointed at it. */
export async function loadVersion(
  db: Database,
  journeyId: string,
  number: number,
  param: string,
): Promise<JourneyVersionRow> {
  const row = await findJourneyVersion(db, journeyId, number);
  if (row === undefined) throw new ApiError('not_found', `${param}: journey has no version ${number}`);
  return row;
}
