import type { Database } from '@touchpoint/db';
import { loadVersionDefinitions, type VersionRef } from '@touchpoint/domain';
import { JourneyNode, locateStep, portItemName, RUNG_PARTS } from '@touchpoint/language';
import { NODE_KINDS } from '@touchpoint/language';
import { z } from 'zod';

/** The drawn step an entry happened at, as the marketer named it on the canvas. */
export const TimelineStep = z
  .object({
    name: z
      .string()
      .nullable()
      .describe("the step's name on the canvas; null when it has none (say its kind)"),
    kind: z.enum(NODE_KINDS).describe("the step's kind"),
    rung: z
      .object({
        index: z
          .number()
          .int()
          .describe("the rung's place on the ladder, from 1 (as the ladder editor counts)"),
        part: z
          .enum(RUNG_PARTS)
          .nullable()
          .describe("`wait`: waiting for the rung's time; `send`: its message"),
      })
      .nullable()
      .describe("an escalation ladder's rung the entry belongs to; null for other steps"),
  })
  .describe('the step the entry happened at, from the definition of the version the client was on');
export type TimelineStep = z.infer<typeof TimelineStep>;

/** What the timeline needs of a version: its nodes, parsed one by one (a stored node that no longer parses is left out). */
type VersionNodes = JourneyNode[];

/** Names steps of the versions a client's timeline touches: each version's definition read once. */
export interface StepNamer {
  step: (journeyId: string | null, version: number | null, nodeId: string | null) => TimelineStep | null;
  /** The name of the branch, exit or variant a port leads out of; null for fixed ports. */
  portName: (
    journeyId: string | null,
    version: number | null,
    nodeId: string | null,
    port: string | null,
  ) => string | null;
}

const versionKey = (journeyId: string, version: number) => `${journeyId}@${version}`;

function nodesOf(definition: unknown): VersionNodes {
  const nodes = (definition as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node) => {
    const parsed = JourneyNode.safeParse(node);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Reads the definitions of `versions` (journey id and number pairs) and answers step names from them. */
export async function loadStepNamer(db: Database, versions: readonly VersionRef[]): Promise<StepNamer> {
  const rows = await loadVersionDefinitions(db, versions);
  const byVersion = new Map(
    rows.map((row) => [versionKey(row.journeyId, row.number), nodesOf(row.definition)]),
  );
  const nodesFor = (journeyId: string | null, version: number | null) =>
    journeyId === null || version === null ? [] : (byVersion.get(versionKey(journeyId, version)) ?? []);
  return {
    step: (journeyId, version, nodeId) => {
      if (nodeId === null) return null;
      const located = locateStep(nodesFor(journeyId, version), nodeId);
      if (located === null) return null;
      const rung = located.rung && { index: located.rung.index, part: located.rung.part };
      return { name: located.name, kind: located.kind, rung };
    },
    portName: (journeyId, version, nodeId, port) => {
      if (nodeId === null || port === null) return null;
      const node = nodesFor(journeyId, version).find((candidate) => candidate.id === nodeId);
      return node ? portItemName(node, port) : null;
    },
  };
}
