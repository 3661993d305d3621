import { PURCHASE_EVENT_TYPE } from './checkpoint';
import type { CheckpointRef } from './checkpoint';
import type { JourneyDefinition } from './definition';
import { entryEventMatcher } from './entry-events';
import type { EventMatcher } from './filters';
import { assertNever } from './node-kinds';
import type { JourneyNode } from './nodes';

/** Events that re-time a wait on `checkpoint`: its `movedBy` list, plus purchases when it is computed from them. */
function checkpointEventTypes(checkpoint: CheckpointRef): string[] {
  return checkpoint.source === 'expectedNextPurchase'
    ? [...checkpoint.movedBy, PURCHASE_EVENT_TYPE]
    : [...checkpoint.movedBy];
}

/** Event types one node reacts to while a client waits on it (none for nodes that never wait on events). */
function nodeEventTypes(node: JourneyNode): string[] {
  switch (node.kind) {
    case 'waitForEvent':
      return node.config.exits.map((exit) => exit.event.type);
    case 'wait':
      return node.config.mode === 'checkpoint' ? checkpointEventTypes(node.config.checkpoint) : [];
    case 'escalationLadder':
      return checkpointEventTypes(node.config.checkpoint);
    case 'entry':
    case 'conditionSplit':
    case 'randomSplit':
    case 'send':
    case 'updateClient':
    case 'startJourney':
    case 'exit':
      return [];
    default:
      return assertNever(node, 'node kind');
  }
}

/**
 * Event types a running enrollment of this version can react to: the goal, wait-for-event exits, the
 * events that move a checkpoint a wait or ladder is timed against (its `movedBy` list, and purchases
 * when the checkpoint is the expected next purchase). The router signals a client's enrollment only
 * with these, so a click storm does not wake every sleeping workflow. The switch is exhaustive: a new
 * node kind that waits on events must say which here.
 */
export function awaitedEventTypes(definition: Pick<JourneyDefinition, 'goal' | 'nodes'>): Set<string> {
  const types = new Set<string>();
  if (definition.goal !== undefined) types.add(definition.goal.event.type);
  for (const node of definition.nodes) for (const type of nodeEventTypes(node)) types.add(type);
  return types;
}

/** The events that enroll a client in this journey; null when it starts by schedule, by hand or has no entry. */
export function journeyEntryMatcher(definition: Pick<JourneyDefinition, 'nodes'>): EventMatcher | null {
  const entry = definition.nodes.find((node) => node.kind === 'entry');
  return entry?.kind === 'entry' ? entryEventMatcher(entry.config.trigger) : null;
}
