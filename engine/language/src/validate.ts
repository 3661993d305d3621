import { checkJourneySize } from './journey-size';
import { parseDefinition } from './parse-definition';
import type { JourneyCatalog, JourneyProblem } from './problems';
import { checkCycles, checkEdges, checkReachability } from './validate-graph';
import { checkJourneySettings, checkNodes } from './validate-nodes';

/**
 * Every problem in a journey definition, as `{ nodeId, code, message }` (empty = valid). Never
 * throws: broken nodes are reported one by one and the rest of the graph is still checked.
 * Pass a catalog to also check event types, templates, offers, segments and journeys exist.
 */
export function validateJourney(definition: unknown, catalog: JourneyCatalog = {}): JourneyProblem[] {
  // Checked first and alone: the graph checks are sized for journeys within the limit.
  const tooLarge = checkJourneySize(definition);
  if (tooLarge !== null) return [tooLarge];
  const parsed = parseDefinition(definition);
  const problems = [...parsed.problems, ...checkNodes(parsed.nodes, catalog)];
  if (parsed.edges !== null) {
    problems.push(...checkEdges(parsed.nodes, parsed.edges, parsed.knownNodeIds));
    problems.push(...checkReachability(parsed.nodes, parsed.edges));
    problems.push(...checkCycles(parsed.nodes, parsed.edges));
  }
  if (parsed.definition) problems.push(...checkJourneySettings(parsed.definition, catalog));
  return problems;
}
