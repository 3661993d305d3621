import type { Database } from '@touchpoint/db';
import { and, eq, isNotNull, journeys, journeyVersions } from '@touchpoint/db';
import { entryEventMatcher, JourneyDefinition } from '../language';
import type { EventMatcher, ReentryPolicy } from '../language';

/** What the router needs to know about one live journey version. */
export interface RoutableJourney {
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
  reentry: ReentryPolicy;
  /** Set when the journey starts on an event (segment changes are events too). */
  entry: EventMatcher | null;
  /**
   * Event types a running enrollment can react to (goal, wait-for-event exits, purchases that move a
   * checkpoint). Only enrollments whose version lists the event's type are signalled, so a click storm
   * does not wake every sleeping workflow.
   */
  awaitedEventTypes: ReadonlySet<string>;
}

/** Event type that moves purchase-based checkpoints (expected next purchase) and so re-times waits. */
const PURCHASE_EVENT_TYPE = 'purchase';

function collectAwaitedEventTypes(definition: JourneyDefinition): Set<string> {
  const types = new Set<string>();
  if (definition.goal !== undefined) types.add(definition.goal.event.type);
  for (const node of definition.nodes) {
    if (node.kind === 'waitForEvent') for (const exit of node.config.exits) types.add(exit.event.type);
    if (node.kind === 'escalationLadder') types.add(PURCHASE_EVENT_TYPE);
    if (node.kind === 'wait' && node.config.mode === 'checkpoint') types.add(PURCHASE_EVENT_TYPE);
  }
  return types;
}

/** Loads the current version of every active journey (status `active`, published). */
export async function loadRoutableJourneys(db: Database): Promise<RoutableJourney[]> {
  const rows = await db
    .select({
      journeyId: journeys.id,
      version: journeyVersions.number,
      definition: journeyVersions.definition,
    })
    .from(journeys)
    .innerJoin(
      journeyVersions,
      and(eq(journeyVersions.journeyId, journeys.id), eq(journeyVersions.number, journeys.currentVersion)),
    )
    .where(and(eq(journeys.status, 'active'), isNotNull(journeys.currentVersion)));
  return rows.map((row) => {
    // Versions were validated before publishing; parsing again applies defaults and guards old rows.
    const definition = JourneyDefinition.parse(row.definition);
    const entryNode = definition.nodes.find((node) => node.kind === 'entry');
    const trigger = entryNode?.kind === 'entry' ? entryNode.config.trigger : null;
    return {
      journeyId: row.journeyId,
      version: row.version,
      definition,
      reentry: definition.settings.reentry,
      entry: trigger ? entryEventMatcher(trigger) : null,
      awaitedEventTypes: collectAwaitedEventTypes(definition),
    };
  });
}
