import type { JourneyDraft } from './draft';

/** How a step differs between two versions. */
export type StepChange = 'added' | 'removed' | 'changed';

/** What changed from `before` to `after`: per step, plus edge counts. Positions are not changes. */
export interface DraftDiff {
  steps: Record<string, StepChange>;
  edgesAdded: number;
  edgesRemoved: number;
}

const stepKey = (node: JourneyDraft['nodes'][number]) =>
  JSON.stringify({ kind: node.kind, name: node.name, config: node.config });
const edgeKey = (edge: JourneyDraft['edges'][number]) => `${edge.source}|${edge.sourcePort}|${edge.target}`;

/** Compares two versions of a journey step by step (by stable node id). */
export function diffDrafts(before: JourneyDraft, after: JourneyDraft): DraftDiff {
  const steps: Record<string, StepChange> = {};
  const old = new Map(before.nodes.map((node) => [node.id, node]));
  const current = new Map(after.nodes.map((node) => [node.id, node]));
  for (const [id, node] of current) {
    const previous = old.get(id);
    if (!previous) steps[id] = 'added';
    else if (stepKey(previous) !== stepKey(node)) steps[id] = 'changed';
  }
  for (const id of old.keys()) if (!current.has(id)) steps[id] = 'removed';
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  return {
    steps,
    edgesAdded: [...newEdges].filter((key) => !oldEdges.has(key)).length,
    edgesRemoved: [...oldEdges].filter((key) => !newEdges.has(key)).length,
  };
}

/** A one-line change summary for the publish dialog, e.g. `added send-1; changed ladder; 2 connections`. */
export function summarizeDiff(
  diff: DraftDiff,
  names: { added: string; removed: string; changed: string },
  /** A step as the marketer knows it (its name); its id when not given. */
  labelOf: (stepId: string) => string = (stepId) => stepId,
): string {
  const parts = (['added', 'removed', 'changed'] as const)
    .map((change) => {
      const ids = Object.entries(diff.steps)
        .filter(([, value]) => value === change)
        .map(([id]) => labelOf(id));
      return ids.length > 0 ? `${names[change]}: ${ids.join(', ')}` : '';
    })
    .filter(Boolean);
  return parts.join('; ');
}
