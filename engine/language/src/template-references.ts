import { parseDefinition } from './parse-definition';

/**
 * The templates a definition sends (each send's and each ladder rung's `templateId`, a template key
 * or id), in the order first met and each once. A node that does not parse names none: the list is
 * for exporting what a journey needs, and a broken node needs nothing yet.
 */
export function listTemplateReferences(definition: unknown): string[] {
  const found = new Set<string>();
  for (const node of parseDefinition(definition).nodes) {
    if (node.kind === 'send') found.add(node.config.templateId);
    if (node.kind === 'escalationLadder') for (const rung of node.config.rungs) found.add(rung.templateId);
  }
  return [...found];
}
