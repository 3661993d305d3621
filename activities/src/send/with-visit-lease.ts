import { LeaseBusyError, withExclusiveLease, type Database } from '@touchpoint/db';
import { activityFailure } from '../activity-failures';

/**
 * Runs one node visit's send while holding that visit's lease, so two attempts of the same send
 * (a retry that started while a slow attempt was still talking to the provider) never overlap; the
 * later one retries after the earlier one has recorded its answer or died.
 */
export async function withVisitLease<T>(
  db: Database,
  idempotencyKey: string,
  send: (leased: Database, leaseLost: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await withExclusiveLease(db, `send:${idempotencyKey}`, send);
  } catch (error) {
    if (!(error instanceof LeaseBusyError)) throw error;
    // The retry policy's backoff spaces the tries out, so a long send is not polled every second.
    throw activityFailure('SendInProgress', `${error.message}; retrying once it has finished`);
  }
}
