import { journeyEntryMatcher } from './awaited-events';
import type { JourneyDefinition } from './definition';
import type { PropertyFilter } from './filters';
import { parseDefinition } from './parse-definition';
import { PROBLEM_CODES } from './problems';
import type { JourneyProblem } from './problems';

function isSameFilter(a: PropertyFilter, b: PropertyFilter): boolean {
  return a.property === b.property && a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value);
}

/**
 * True when the goal can only be met by the event that enrolled the client, which never counts (the
 * goal window starts after entry): every goal event also matches the entry (same type, the entry's
 * filters among the goal's), and with `concurrent` re-entry and an open-ended entry window such an
 * event starts a new enrollment instead of reaching the running ones (the router hands an entry
 * event to the enrollment it starts, not to the client's others).
 */
export function isGoalOnlyMetByEntryEvent(
  definition: Pick<JourneyDefinition, 'goal' | 'nodes' | 'settings'>,
): boolean {
  const { goal, settings } = definition;
  const entry = journeyEntryMatcher(definition);
  if (!goal || !entry || goal.event.type !== entry.type) return false;
  if (settings.reentry !== 'concurrent' || settings.entryWindow.until !== undefined) return false;
  return entry.filters.every((filter) => goal.event.filters.some((other) => isSameFilter(filter, other)));
}

/**
 * Problems that do not stop publishing but that a marketer should see (`severity: 'warning'`): a goal
 * no enrollment can reach. Empty for a definition that does not parse (`validateJourney` reports why).
 */
export function findJourneyWarnings(definition: unknown): JourneyProblem[] {
  const parsed = parseDefinition(definition).definition;
  if (!parsed || !isGoalOnlyMetByEntryEvent(parsed)) return [];
  return [
    {
      nodeId: null,
      code: PROBLEM_CODES.goalOnlyByEntryEvent,
      severity: 'warning',
      message:
        `Goal: every "${parsed.goal?.event.type}" event also enrolls the client anew ` +
        '(settings.reentry is "concurrent"), and the event that enrolls a client never counts as its goal, ' +
        'so no enrollment can convert: use re-entry "afterExit" or a goal the entry does not match',
    },
  ];
}
