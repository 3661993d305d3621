import type { JourneyNode, LadderRung } from './nodes';
import type { NodeKind } from './node-kinds';

/** Which part of a ladder rung a compiled step is: the wait for its time, or its send. */
export const RUNG_PARTS = ['wait', 'send'] as const;
export type RungPart = (typeof RUNG_PARTS)[number];

/**
 * A step as the marketer drew it: the drawn node's id, name and kind, and for a ladder's compiled steps
 * (`<ladderId>/<rungId>/wait|send`) the rung's place on the ladder (1-based, as the ladder editor counts).
 */
export interface LocatedStep {
  nodeId: string;
  name: string | null;
  kind: NodeKind;
  rung: { index: number; id: string; part: RungPart | null } | null;
}

function rungOf(rungs: readonly LadderRung[], rest: string[]): LocatedStep['rung'] {
  const [rungId, part] = rest;
  const index = rungs.findIndex((rung) => rung.id === rungId);
  if (rungId === undefined || index < 0) return null;
  return { index: index + 1, id: rungId, part: RUNG_PARTS.find((name) => name === part) ?? null };
}

/**
 * The drawn step a visit, message or call task names by its (possibly compiled) node id; null when the
 * definition has no such node. Compiled steps carry the drawn node's id as their first segment.
 */
export function locateStep(nodes: readonly JourneyNode[], planNodeId: string): LocatedStep | null {
  const [head = '', ...rest] = planNodeId.split('/');
  const node = nodes.find((candidate) => candidate.id === planNodeId) ?? nodes.find((c) => c.id === head);
  if (node === undefined) return null;
  const rung =
    node.kind === 'escalationLadder' && node.id !== planNodeId ? rungOf(node.config.rungs, rest) : null;
  return { nodeId: node.id, name: node.name ?? null, kind: node.kind, rung };
}

/**
 * The name the marketer gave the item a port leads out of (`branch:<id>`, `event:<id>`,
 * `variant:<id>`); null for fixed ports and unnamed items.
 */
export function portItemName(node: JourneyNode, port: string): string | null {
  const [prefix, id] = port.split(':');
  if (id === undefined) return null;
  const items: readonly { id: string; name?: string | undefined }[] =
    node.kind === 'waitForEvent' && prefix === 'event'
      ? node.config.exits
      : node.kind === 'conditionSplit' && prefix === 'branch'
        ? node.config.branches
        : node.kind === 'randomSplit' && prefix === 'variant'
          ? node.config.variants
          : [];
  return items.find((item) => item.id === id)?.name ?? null;
}
