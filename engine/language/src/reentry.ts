import type { ReentryPolicy } from './definition';

/** What is known of a client's earlier enrollments in one journey. */
export interface EnrollmentHistory {
  /** An enrollment of the client in this journey is still running. */
  isInside: boolean;
  /** The client was ever enrolled in this journey (running or ended). */
  hasEnteredBefore: boolean;
}

/**
 * The re-entry rule: may another entry event start a new enrollment? `once`: only if the client was
 * never enrolled; `afterExit`: only while the client is not inside; `concurrent`: always (each entry
 * event is its own enrollment). An event that may not start one is, for entry, nothing at all — the
 * router delivers it to the running enrollment only if that enrollment waits for its type.
 */
export function mayEnterAgain(reentry: ReentryPolicy, history: EnrollmentHistory): boolean {
  switch (reentry) {
    case 'once':
      return !history.hasEnteredBefore && !history.isInside;
    case 'afterExit':
      return !history.isInside;
    case 'concurrent':
      return true;
    default: {
      const unknown: never = reentry;
      throw new Error(`unknown re-entry policy ${String(unknown)}`);
    }
  }
}
