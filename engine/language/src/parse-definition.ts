import { z } from 'zod';
import { JourneyEdge, JourneyGoal, JourneyLayout, JourneySettings } from './definition';
import type { JourneyDefinition } from './definition';
import { NODE_KINDS } from './node-kinds';
import { NODE_SCHEMAS } from './nodes';
import type { JourneyNode } from './nodes';
import { PROBLEM_CODES } from './problems';
import type { JourneyProblem } from './problems';
import { toProblemIssues } from './describe-issues';

const Envelope = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(z.unknown()),
  edges: z.array(JourneyEdge),
  goal: JourneyGoal.optional(),
  settings: JourneySettings.default({ reentry: 'once', entryWindow: {}, timezoneFallback: 'UTC' }),
  layout: JourneyLayout.default({}),
});

/** The result of parsing piece by piece: every node that parsed, plus a problem per piece that did not. */
export interface ParsedDefinition {
  /** The full definition, when the envelope and every node parsed. */
  definition: JourneyDefinition | null;
  nodes: JourneyNode[];
  edges: JourneyEdge[] | null;
  /** Ids of every node that has a string id, valid or not, so edges to a broken node are not "dangling". */
  knownNodeIds: Set<string>;
  problems: JourneyProblem[];
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function parseNode(
  raw: unknown,
  index: number,
): { node: JourneyNode | null; id: string | null; problem?: JourneyProblem } {
  const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const id = typeof record.id === 'string' ? record.id : null;
  const label = id === null ? `Node #${index}` : `Node "${id}"`;
  const kind = record.kind;
  if (typeof kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(kind)) {
    const message = `${label}: kind must be one of ${NODE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`;
    return { node: null, id, problem: { nodeId: id, code: PROBLEM_CODES.invalidConfig, message } };
  }
  const result = NODE_SCHEMAS[kind as keyof typeof NODE_SCHEMAS].safeParse(raw);
  if (result.success) return { node: result.data as JourneyNode, id };
  const message = `${label} (${kind}): ${describeIssues(result.error.issues)}`;
  const issues = toProblemIssues(result.error.issues);
  return { node: null, id, problem: { nodeId: id, code: PROBLEM_CODES.invalidConfig, message, issues } };
}

/** Parses a stored or drawn definition, collecting one problem per broken node instead of failing whole. */
export function parseDefinition(input: unknown): ParsedDefinition {
  const problems: JourneyProblem[] = [];
  const envelope = Envelope.safeParse(input);
  if (!envelope.success) {
    const message = `Journey definition: ${describeIssues(envelope.error.issues)}`;
    const issues = toProblemIssues(envelope.error.issues);
    problems.push({ nodeId: null, code: PROBLEM_CODES.invalidDefinition, message, issues });
  }
  const rawNodes =
    input !== null && typeof input === 'object' && Array.isArray((input as { nodes?: unknown }).nodes)
      ? ((input as { nodes: unknown[] }).nodes as unknown[])
      : [];
  const nodes: JourneyNode[] = [];
  const knownNodeIds = new Set<string>();
  rawNodes.forEach((raw, index) => {
    const parsed = parseNode(raw, index);
    if (parsed.id !== null) knownNodeIds.add(parsed.id);
    if (parsed.node) nodes.push(parsed.node);
    if (parsed.problem) problems.push(parsed.problem);
  });
  const edges = envelope.success ? envelope.data.edges : null;
  const definition =
    envelope.success && problems.length === 0 ? ({ ...envelope.data, nodes } as JourneyDefinition) : null;
  return { definition, nodes, edges, knownNodeIds, problems };
}
