/** A drawn step as the report names it. */
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
 * The steps of the definitions given, in the drawing order of the first that has each (callers pass
 * the chosen version first, then the newest versions, then the draft). Ids are stable across versions,
 * so the first name any definition gives a step names it; a step never named goes by its kind's label,
 * with its id only when two steps would otherwise read the same.
 */
export function listSteps(definitions: unknown[], kindLabel: (kind: string) => string): Step[] {
  const found = new Map<string, { kind: string; name: string | undefined }>();
  for (const definition of definitions) {
    for (const node of nodesOf(definition)) {
      const name = node.name?.trim() || undefined;
      const known = found.get(node.id);
      if (!known) found.set(node.id, { kind: node.kind, name });
      else if (known.name === undefined && name !== undefined) known.name = name;
    }
  }
  const shown = [...found].map(([id, step]) => ({ id, name: step.name ?? kindLabel(step.kind) }));
  const uses = new Map<string, number>();
  for (const step of shown) uses.set(step.name, (uses.get(step.name) ?? 0) + 1);
  return shown.map((step) =>
    uses.get(step.name)! > 1 ? { ...step, name: `${step.name} (${step.id})` } : step,
  );
}
