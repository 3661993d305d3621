import { parseDefinition } from './parse-definition';
import type { ChannelKind } from './vocabulary';

/**
 * The templates a definition sends (each send's and each ladder rung's `templateId`, a template key
 * or id), in the order first met and each once. A node that does not parse names none: the list is
 * for exporting what a journey needs, and a broken node needs nothing yet.
 */
export function listTemplateReferences(definition: unknown): string[] {
  return [...new Set(listTemplateUses(definition).map((use) => use.templateId))];
}

/** One step sending a template: which step, which template (key or id), on which channels it may try. */
export interface TemplateUse {
  nodeId: string;
  /** The step's name as the marketer gave it; null when it has none. */
  nodeName: string | null;
  templateId: string;
  channels: ChannelKind[];
}

/**
 * Every send and ladder rung of a definition with the template it names and the channels it may use
 * (a send's fallbacks included: each needs that channel's variant), in node order. A node that does
 * not parse is left out, as above.
 */
export function listTemplateUses(definition: unknown): TemplateUse[] {
  const uses: TemplateUse[] = [];
  for (const node of parseDefinition(definition).nodes) {
    const nodeName = node.name ?? null;
    if (node.kind === 'send')
      uses.push({
        nodeId: node.id,
        nodeName,
        templateId: node.config.templateId,
        channels: node.config.channels,
      });
    if (node.kind === 'escalationLadder')
      for (const rung of node.config.rungs)
        uses.push({ nodeId: node.id, nodeName, templateId: rung.templateId, channels: rung.channels });
  }
  return uses;
}
