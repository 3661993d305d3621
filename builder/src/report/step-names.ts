/** A drawn step as the report names it: its name, or its kind's label while it has none. */
export interface Step {
  id: string;
  name: string;
}

interface DrawnNode {
  id: string;
  kind: string;
  name?: string;
}

function nodesOf(definition: unknown): DrawnNode[] {
  if (typeof definition !== 'object' || definition === null || !('nodes' in definition)) return [];
  const { nodes } = definition as { nodes: unknown };
  if (!Array.isArray(nodes)) return [];
  return nodes.filter(
    (node): node is DrawnNode =>
      typeof node === 'object' &&
      node !== null &&
      typeof node.id === 'string' &&
      typeof node.kind === 'string',
  );
}

/**
 * The steps of the definitions shown, in drawing order: the first definition that has a step names it
 * (callers pass the chosen version first, then the newest versions, then the draft), so a step removed
 * since still reads by its name in a report about the version that had it.
 */
export function listSteps(definitions: unknown[], kindLabel: (kind: string) => string): Step[] {
  const steps = new Map<string, Step>();
  for (const definition of definitions) {
    for (const node of nodesOf(definition)) {
      if (steps.has(node.id)) continue;
      steps.set(node.id, { id: node.id, name: node.name?.trim() || kindLabel(node.kind) });
    }
  }
  return [...steps.values()];
}
