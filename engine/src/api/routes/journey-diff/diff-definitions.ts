import { z } from 'zod';

/**
 * The parts of a stored definition a diff compares. Deliberately looser than `JourneyDefinition`: old
 * versions must stay diffable after the language gains rules they predate.
 */
const DiffNode = z.looseObject({
  id: z.string(),
  kind: z.string(),
  name: z.string().optional(),
  config: z.unknown(),
});
const DiffEdge = z.looseObject({
  id: z.string(),
  source: z.string(),
  sourcePort: z.string(),
  target: z.string(),
});
export const DiffableDefinition = z.looseObject({
  nodes: z.array(DiffNode).default([]),
  edges: z.array(DiffEdge).default([]),
  goal: z.unknown().optional(),
  settings: z.unknown().optional(),
});
export type DiffableDefinition = z.infer<typeof DiffableDefinition>;

export const NodeRef = z
  .object({
    id: z.string().describe("the node's id"),
    kind: z.string().describe("the node's kind"),
    name: z.string().nullable().describe("the node's name; null when it has none"),
  })
  .describe('a node');
export const EdgeRef = z
  .object({
    id: z.string().describe("the edge's id"),
    source: z.string().describe('the node it leaves'),
    sourcePort: z.string().describe('the output port it leaves by'),
    target: z.string().describe('the node it enters'),
  })
  .describe('an edge');

/** A node present in both versions whose kind, name or config differs; `configKeys` are the top-level keys that changed. */
export const NodeChange = NodeRef.extend({
  fields: z.array(z.enum(['kind', 'name', 'config'])).describe('which of kind, name and config differ'),
  configKeys: z.array(z.string()).describe('the top-level config keys that changed'),
  before: z.unknown().describe('the node in version `from`'),
  after: z.unknown().describe('the node in version `to`'),
}).describe('a node in both versions that changed');

/** What changed from version `from` to version `to`. Layout (positions) is never a change. */
export const JourneyDiff = z.object({
  nodes: z
    .object({
      added: z.array(NodeRef).describe('nodes only in `to`'),
      removed: z.array(NodeRef).describe('nodes only in `from`'),
      changed: z.array(NodeChange).describe('nodes in both that differ'),
    })
    .describe('what changed in the nodes'),
  edges: z
    .object({
      added: z.array(EdgeRef).describe('edges only in `to`'),
      removed: z.array(EdgeRef).describe('edges only in `from`'),
    })
    .describe('what changed in the edges'),
  goalChanged: z.boolean().describe('whether the goal differs'),
  settingsChanged: z.boolean().describe('whether the settings (re-entry, entry window, time zone) differ'),
});
export type JourneyDiff = z.infer<typeof JourneyDiff>;

/** JSON with object keys sorted: jsonb does not keep key order, so plain stringify would see false changes. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);
const toRef = (node: z.infer<typeof DiffNode>) => ({ id: node.id, kind: node.kind, name: node.name ?? null });
// Edges are compared by what they connect, not by id: re-drawing the same connection is no change.
const edgeKey = (edge: z.infer<typeof DiffEdge>) =>
  `${edge.source}\u0000${edge.sourcePort}\u0000${edge.target}`;
const toEdgeRef = ({ id, source, sourcePort, target }: z.infer<typeof DiffEdge>) => ({
  id,
  source,
  sourcePort,
  target,
});

function changedConfigKeys(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const a = asRecord(before);
  const b = asRecord(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !same(a[key], b[key])).sort();
}

/** Compares two definitions node by node (by stable id) and edge by edge (by endpoints). Pure. */
export function diffDefinitions(from: DiffableDefinition, to: DiffableDefinition): JourneyDiff {
  const before = new Map(from.nodes.map((node) => [node.id, node]));
  const after = new Map(to.nodes.map((node) => [node.id, node]));
  const changed = to.nodes.flatMap((node) => {
    const old = before.get(node.id);
    if (old === undefined) return [];
    const fields = (['kind', 'name', 'config'] as const).filter((field) => !same(old[field], node[field]));
    if (fields.length === 0) return [];
    return [
      {
        ...toRef(node),
        fields,
        configKeys: changedConfigKeys(old.config, node.config),
        before: old,
        after: node,
      },
    ];
  });
  const fromEdges = new Map(from.edges.map((edge) => [edgeKey(edge), edge]));
  const toEdges = new Map(to.edges.map((edge) => [edgeKey(edge), edge]));
  return {
    nodes: {
      added: to.nodes.filter((node) => !before.has(node.id)).map(toRef),
      removed: from.nodes.filter((node) => !after.has(node.id)).map(toRef),
      changed,
    },
    edges: {
      added: [...toEdges].filter(([key]) => !fromEdges.has(key)).map(([, edge]) => toEdgeRef(edge)),
      removed: [...fromEdges].filter(([key]) => !toEdges.has(key)).map(([, edge]) => toEdgeRef(edge)),
    },
    goalChanged: !same(from.goal, to.goal),
    settingsChanged: !same(from.settings, to.settings),
  };
}
