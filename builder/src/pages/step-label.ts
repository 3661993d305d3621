import type { JourneyDraft } from '../canvas/draft';
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A step as the canvas shows it: its name, or its kind while it has none, looked up in the first draft
 * that has it (the current one, then older ones for a removed step); its id only when none has it.
 */
export function stepLabelIn(drafts: readonly JourneyDraft[], stepId: string, t: Translate): string {
  for (const draft of drafts) {
    const node = draft.nodes.find((candidate) => candidate.id === stepId);
    if (node) return node.name ?? t(`node.${node.kind}`);
  }
  return stepId;
}
