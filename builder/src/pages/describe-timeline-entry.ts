import { CALL_OUTCOMES, CHANNEL_KINDS, EnrollmentStatus, MESSAGE_STATUSES } from '@touchpoint/language';
import type { TimelineEntry } from '../api/schemas';
import type { MessageKey } from '../i18n/en';
import type { Locale } from '../i18n/i18n';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// An enrollment's timeline entry names how its run ended: every status but `active`.
const EXIT_STATUSES = EnrollmentStatus.exclude(['active']).options;
const FUNNEL_ACTIONS = ['call', 'meeting', 'booking'] as const;

function pick<T extends string>(list: readonly T[], value: string | null): T | null {
  return list.find((item) => item === value) ?? null;
}

/** The journey's name as the server writes it into enrollment titles (`entered "Win-back" v2 …`). */
function journeyName(entry: TimelineEntry): string {
  return /"([^"]*)"/.exec(entry.title)?.[1] ?? entry.journeyId ?? '';
}

function formatAmount(entry: TimelineEntry, locale: Locale): string {
  const currency = /\b([A-Z]{3})$/.exec(entry.title)?.[1];
  const value = entry.value ?? 0;
  return currency
    ? value.toLocaleString(locale, { style: 'currency', currency })
    : value.toLocaleString(locale);
}

function describeMessage(entry: TimelineEntry, t: Translate): string {
  const channel = pick(CHANNEL_KINDS, entry.channel);
  const status = pick(MESSAGE_STATUSES, entry.status);
  if (!channel || !status) return entry.title;
  return t('timeline.message', { channel: t(`channel.${channel}`), status: t(`messageStatus.${status}`) });
}

function describeCallTask(entry: TimelineEntry, t: Translate): string {
  const outcome = pick(CALL_OUTCOMES, entry.outcome);
  if (outcome) return t('timeline.callDone', { outcome: t(`operator.outcome.${outcome}`) });
  return entry.status === 'cancelled' ? t('timeline.callCancelled') : t('timeline.callQueued');
}

/**
 * One timeline entry in the interface language, built from its structured fields; the server's
 * English `title` is the fallback for anything this version does not know yet.
 */
export function describeTimelineEntry(entry: TimelineEntry, t: Translate, locale: Locale): string {
  switch (entry.kind) {
    case 'purchase':
      return t('timeline.purchase', { amount: formatAmount(entry, locale) });
    case 'enrollment':
      return t('timeline.entered', { journey: journeyName(entry) });
    case 'exit': {
      const status = pick(EXIT_STATUSES, entry.status);
      return status ? t(`timeline.exit.${status}`, { journey: journeyName(entry) }) : entry.title;
    }
    case 'nodeVisit': {
      if (entry.reason) return t('timeline.stepSkipped', { step: entry.nodeId ?? '' });
      const reached = t('timeline.step', { step: entry.nodeId ?? '' });
      // The exit the client took out of the step, when it has left it.
      return entry.outcome ? `${reached} → ${entry.outcome}` : reached;
    }
    case 'message':
      return describeMessage(entry, t);
    case 'callTask':
      return describeCallTask(entry, t);
    case 'funnelAction': {
      const action = pick(FUNNEL_ACTIONS, entry.outcome);
      return action ? t(`timeline.funnel.${action}`) : entry.title;
    }
    default:
      return entry.title;
  }
}
