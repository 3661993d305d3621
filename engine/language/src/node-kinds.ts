import { NODE_SCHEMA_LIST } from './nodes';
import type { JourneyNode } from './nodes';

/** One node kind a journey can contain: the `kind` of one of the node schemas. */
export type NodeKind = JourneyNode['kind'];

/**
 * Every node kind a journey can contain, in palette order, read off the node schemas so a new kind
 * is one schema in `nodes.ts`. The exact strings are a contract shared with the builder, the API and
 * stored definitions: never rename one, add new kinds at the end.
 */
export const NODE_KINDS = NODE_SCHEMA_LIST.map((schema) => schema.shape.kind.value) as unknown as readonly [
  NodeKind,
  ...NodeKind[],
];

/** Called at the end of every switch over a closed set, so a new member fails to compile until handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
