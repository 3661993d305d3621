import { CALL_OUTCOMES, CHANNEL_KINDS, EnrollmentStatus, MESSAGE_STATUSES } from '@touchpoint/language';
import type { NodeKind } from '@touchpoint/language';
import type { TimelineEntry } from '../api/schemas';
import type { MessageKey } from '../i18n/en';
import type { Locale } from '../i18n/i18n';
import { callPortOf } from '../nodes/ports';
import { EXIT_REASONS } from '../nodes/exit-reasons';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// An enrollment's timeline entry names how its run ended: every status but `active`.
const EXIT_STATUSES = EnrollmentStatus.exclude(['active']).options;
const FUNNEL_ACTIONS = ['call', 'meeting', 'booking'] as const;

function pick<T extends string>(list: readonly T[], value: string | null): T | null {
  return list.find((item) => item === value) ?? null;
}

/** The journey's name as the server writes it into enrollment titles (`entered "Win-back" v2 …`). */
export function journeyName(entry: TimelineEntry): string {
  return /"([^"]*)"/.exec(entry.title)?.[1] ?? entry.journeyId ?? '';
}

export function formatAmount(entry: TimelineEntry, locale: Locale): string {
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

const FIXED_PORTS = ['out', 'timeout', 'else', 'sent', 'unreachable', 'done'] as const;

/** A word the engine writes in camelCase (`notConverted`), in plain lower-case words: "not converted". */
export function humanize(word: string): string {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/**
 * The way a client left a step, in the marketer's words: a fixed exit by its label, a call outcome as
 * the operator's button says it, a branch, exit or variant by the name the marketer gave it, an exit
 * reason in words; anything else de-camel-cased rather than shown as code.
 */
export function describePort(entry: TimelineEntry, t: Translate): string | null {
  const port = entry.outcome;
  if (port === null) return null;
  const fixed = pick(FIXED_PORTS, port);
  if (fixed) return t(`port.${fixed}`);
  const call = callPortOf(port);
  if (call) return t(`operator.outcome.${call.outcome}`);
  const reason = pick(EXIT_REASONS, port);
  if (reason) return t(`exitReason.${reason}`);
  if (port === 'failed') return t('card.status.failed');
  const [, itemId] = port.split(':');
  if (itemId !== undefined) return entry.outcomeName ?? humanize(itemId);
  return humanize(port);
}

/**
 * Why a step was skipped or a run ended: an exit reason in words, an engine word (`journeyPaused`)
 * de-camel-cased; a sentence from the server (a skip's "quiet hours") as it is.
 */
export function describeReason(entry: TimelineEntry, t: Translate): string | null {
  const reason = entry.reason;
  if (reason === null) return null;
  const known = pick(EXIT_REASONS, reason);
  if (known) return t(`exitReason.${known}`);
  return /^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(reason) ? humanize(reason) : reason;
}

/** What naming a step takes: the drawn node's name and kind, and a ladder rung's place and part. */
export interface NamedStep {
  name: string | null;
  kind: NodeKind;
  rung: { index: number; part: 'wait' | 'send' | null } | null;
}

/**
 * A step as the canvas names it: its name (its kind while it has none), a ladder's rung by its
 * place. The client timeline, the test path and the forecast all name steps with it.
 */
export function nameStep(step: NamedStep, t: Translate): string {
  const name = step.name ?? t(`node.${step.kind}`);
  if (step.rung === null) return name;
  const rung = t('timeline.rung', { step: name, index: step.rung.index });
  return step.rung.part ? `${rung} (${t(`timeline.rung.${step.rung.part}`)})` : rung;
}

/** The step of a timeline entry as the canvas names it; its node id only when the server knew none. */
export function describeStep(entry: TimelineEntry, t: Translate): string {
  return entry.step === null ? (entry.nodeId ?? '') : nameStep(entry.step, t);
}

function describeVisit(entry: TimelineEntry, t: Translate): string {
  const step = describeStep(entry, t);
  if (entry.reason) return t('timeline.stepSkippedNamed', { step });
  // The exit the client took out of the step, once they have left it.
  const port = describePort(entry, t);
  return port ? t('timeline.stepLeft', { step, port }) : t('timeline.stepNamed', { step });
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
    case 'nodeVisit':
      return describeVisit(entry, t);
    case 'message':
      return describeMessage(entry, t);
    case 'callTask':
    case 'callOutcome':
      return describeCallTask(entry, t);
    case 'funnelAction': {
      const action = pick(FUNNEL_ACTIONS, entry.outcome);
      return action ? t(`timeline.funnel.${action}`) : entry.title;
    }
    default:
      return entry.title;
  }
}
