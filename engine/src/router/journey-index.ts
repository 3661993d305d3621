import type { Database } from '@touchpoint/db';
import { and, eq, isNotNull, journeys, journeyVersions, or } from '@touchpoint/db';
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

async function loadDefinitions(db: Database, live: readonly { journeyId: string; version: number }[]) {
  if (live.length === 0) return [];
  return db
    .select({
      journeyId: journeyVersions.journeyId,
      version: journeyVersions.number,
      definition: journeyVersions.definition,
    })
    .from(journeyVersions)
    .where(
      or(
        ...live.map((row) =>
          and(eq(journeyVersions.journeyId, row.journeyId), eq(journeyVersions.number, row.version)),
        ),
      ),
    );
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
  const live = await db
    .select({ journeyId: journeys.id, version: journeys.currentVersion })
    .from(journeys)
    .where(and(eq(journeys.status, 'active'), isNotNull(journeys.currentVersion)))
    .then((rows) => rows.map((row) => ({ journeyId: row.journeyId, version: row.version ?? 0 })));
  const cached = parsedVersions.get(db) ?? new Map<string, RoutableJourney>();
  parsedVersions.set(db, cached);
  const missing = live.filter((row) => !cached.has(versionKey(row.journeyId, row.version)));
  for (const row of await loadDefinitions(db, missing)) {
    cached.set(
      versionKey(row.journeyId, row.version),
      toRoutableJourney(row.journeyId, row.version, row.definition),
    );
  }
  const wanted = new Set(live.map((row) => versionKey(row.journeyId, row.version)));
  for (const key of cached.keys()) if (!wanted.has(key)) cached.delete(key);
  return live.flatMap((row) => cached.get(versionKey(row.journeyId, row.version)) ?? []);
}
