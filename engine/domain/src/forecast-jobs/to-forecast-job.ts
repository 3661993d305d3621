import { ForecastResult, type ForecastJob } from '@touchpoint/language/api-contract';
import { z } from 'zod';
import type { ForecastJobRow } from '@touchpoint/db';

const ForecastResults = z.array(ForecastResult);

/** A stored forecast as the API answers it, its results parsed with their schema. */
export function toForecastJob(row: ForecastJobRow): ForecastJob {
  return {
    id: row.id,
    journeyId: row.journeyId,
    status: row.status,
    progress: { done: row.done, total: row.total },
    callCapacityPerDay: row.callCapacityPerDay,
    results: ForecastResults.parse(row.results),
    error: row.error,
  };
}
