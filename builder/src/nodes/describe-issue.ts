import type { ProblemIssue } from '@touchpoint/language';
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Fields a marketer knows by name, keyed by the last word of their path. A path whose last word is an
 * index (`channels.0`) is named by the word before it.
 */
const FIELD_LABELS: Record<string, MessageKey> = {
  templateId: 'field.template',
  type: 'field.eventType',
  eventType: 'field.eventType',
  event: 'field.eventType',
  journeyId: 'field.journey',
  channels: 'field.channels',
  offerId: 'field.offer',
  discount: 'field.discount',
  segment: 'field.segment',
  timeout: 'field.timeout',
  reason: 'field.reason',
  trigger: 'field.trigger',
  cron: 'field.cron',
  amount: 'field.duration',
  duration: 'field.duration',
  unit: 'field.unit',
  time: 'field.time',
  offset: 'field.offset',
  offsetDays: 'field.offset',
  variants: 'field.variants',
  weight: 'field.variants',
  branches: 'field.branches',
  exits: 'field.exits',
  rungs: 'field.ladderSteps',
  name: 'form.name',
  property: 'goal.property',
  value: 'goal.value',
  addTags: 'field.addTags',
  removeTags: 'field.removeTags',
  timezoneFallback: 'settings.timezone',
  window: 'goal.window',
};

/** The field an issue is about, in the marketer's words; an unknown field is shown by its last word. */
export function labelOfPath(path: readonly string[], t: Translate): string {
  const words = path.filter((word) => word !== 'config' && !/^\d+$/.test(word));
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const key = FIELD_LABELS[words[index] ?? ''];
    if (key) return t(key);
  }
  return words.at(-1) ?? '—';
}

/** Where outside a step a journey-wide issue is: the goal or the settings panel. */
function scopeOf(path: readonly string[], t: Translate): string {
  if (path[0] === 'goal') return `${t('goal.title')} — `;
  if (path[0] === 'settings') return `${t('settings.title')} — `;
  return '';
}

/** One broken rule of one field as a sentence: "Message template: choose one from the list". */
export function describeIssue(issue: ProblemIssue, t: Translate): string {
  const field = labelOfPath(issue.path, t);
  const values = { field, n: issue.limit ?? 0, options: (issue.options ?? []).join(', ') };
  const sentence =
    issue.rule === 'other'
      ? t('issue.other', { field, message: issue.message })
      : issue.rule === 'notAllowed' && (issue.options?.length ?? 0) === 0
        ? t('issue.notAllowedAny', values)
        : issue.exclusive && (issue.rule === 'tooSmall' || issue.rule === 'tooBig')
          ? t(`issue.${issue.rule}Exclusive`, values)
          : t(`issue.${issue.rule}`, values);
  return scopeOf(issue.path, t) + sentence;
}

/** Every issue of a problem as one text, each field once per rule. */
export function describeIssues(issues: readonly ProblemIssue[], t: Translate): string {
  return [...new Set(issues.map((issue) => describeIssue(issue, t)))].join('; ');
}
