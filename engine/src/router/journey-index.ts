import type { Database } from '@touchpoint/db';
import { listLiveVersions, loadVersionDefinitions } from '@touchpoint/domain';
import { awaitedEventTypes, journeyEntryMatcher, JourneyDefinition } from '@touchpoint/language';
import type { EventMatcher, ReentryPolicy } from '@touchpoint/language';

/** What the router needs to know about one live journey version. */
export interface RoutableJourney {
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
  reentry: ReentryPolicy;
  /** Set when the journey starts on an event (segment changes are events too). */
  entry: EventMatcher | null;
  /**
   * Event types a running enrollment can react to (the language's `awaitedEventTypes`). Only
   * enrollments whose version lists the event's type are signalled, so a click storm does not wake
   * every sleeping workflow.
   */
  awaitedEventTypes: ReadonlySet<string>;
}

const versionKey = (journeyId: string, version: number) => `${journeyId}:${version}`;

/**
 * Parsed versions per database, keyed by (journey, version). Versions are immutable once published,
 * so an entry never goes stale; entries whose version stopped being current are dropped on each load,
 * which keeps the cache as small as the set of live journeys.
 */
const parsedVersions = new WeakMap<Database, Map<string, RoutableJourney>>();

function toRoutableJourney(journeyId: string, version: number, stored: unknown): RoutableJourney {
  // Versions were validated before publishing; parsing again applies defaults and guards old rows.
  const definition = JourneyDefinition.parse(stored);
  return {
    journeyId,
    version,
    definition,
    reentry: definition.settings.reentry,
    entry: journeyEntryMatcher(definition),
    awaitedEventTypes: awaitedEventTypes(definition),
  };
}

/**
 * Forgets the definitions read from `db`. A scratch database that is emptied and refilled between
 * simulations may hold another definition under the same (journey, version) pair, e.g. an edited draft.
 */
export function forgetRoutableJourneys(db: Database): void {
  parsedVersions.delete(db);
}

/**
 * The current version of every active journey (status `active`, published). Reads only the list of
 * (journey, version) pairs on each call; a definition is read and parsed once per version.
 */
export async function loadRoutableJourneys(db: Database): Promise<RoutableJourney[]> {
  const live = await listLiveVersions(db);
  const cached = parsedVersions.get(db) ?? new Map<string, RoutableJourney>();
  parsedVersions.set(db, cached);
  const missing = live.filter((row) => !cached.has(versionKey(row.journeyId, row.version)));
  for (const row of await loadVersionDefinitions(db, missing)) {
    cached.set(
      versionKey(row.journeyId, row.number),
      toRoutableJourney(row.journeyId, row.number, row.definition),
    );
  }
  const wanted = new Set(live.map((row) => versionKey(row.journeyId, row.version)));
  for (const key of cached.keys()) if (!wanted.has(key)) cached.delete(key);
  return live.flatMap((row) => cached.get(versionKey(row.journeyId, row.version)) ?? []);
}
