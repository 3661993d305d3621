import { locateStep, type JourneyPlan } from '@touchpoint/language';
import type { MessageKey } from '../i18n/en';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A plan node as the marketer knows it: the drawn step's name (its kind while unnamed), and for a
 * ladder's rung wait which rung; the id only when the version has no such step.
 */
export function labelStep(plan: JourneyPlan | null, planNodeId: string, t: Translate): string {
  const located = plan ? locateStep(plan.definition.nodes, planNodeId) : null;
  if (located === null) return planNodeId;
  const name = located.name ?? t(`node.${located.kind}`);
  return located.rung ? t('migration.rungOf', { step: name, index: located.rung.index }) : name;
}
