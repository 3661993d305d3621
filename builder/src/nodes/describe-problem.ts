import { CHANNEL_KINDS, type JourneyProblem } from '@touchpoint/language';
import type { MessageKey } from '../i18n/en';
import { describeIssues } from './describe-issue';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Config fields a marketer knows by name; other paths are shown as they are. */
const FIELD_LABELS: Record<string, MessageKey> = {
  templateId: 'field.template',
  type: 'field.eventType',
  journeyId: 'field.journey',
  channels: 'field.channels',
  offerId: 'field.offer',
  segment: 'field.segment',
  timeout: 'field.timeout',
  reason: 'field.reason',
};

/** The config fields named in an `invalidConfig` message (`config.templateId: …; config.x.y: …`). */
export function invalidFields(message: string): string[] {
  const fields = [...message.matchAll(/config\.([\w.]+):/g)].map((match) => match[1] ?? '');
  return [...new Set(fields.filter(Boolean))];
}

function labelOf(path: string, t: Translate): string {
  const last = path.split('.').at(-1) ?? path;
  const key = FIELD_LABELS[last];
  return key ? t(key) : path;
}

const FIXED_PORTS = ['out', 'timeout', 'else', 'sent', 'unreachable', 'done'] as const;

/** A port as its handle is labelled: fixed ports by their word, item ports by the item id. */
function portLabel(port: string, t: Translate): string {
  const fixed = FIXED_PORTS.find((name) => name === port);
  return fixed ? t(`port.${fixed}`) : (port.split(':')[1] ?? port);
}

/** The missing catalog entry a problem names (`… Template "remind" is not in the catalog`). */
function catalogName(message: string): string {
  return /"([^"]*)" is not in the catalog/.exec(message)?.[1] ?? '';
}

/** A channel the deployment lacks, or one the send's template has no version for. */
function describeChannelProblem(problem: JourneyProblem, t: Translate): string {
  const named = /(?:Channel "|no )(\w+)(?:" is| variant)/.exec(problem.message)?.[1];
  const channel = CHANNEL_KINDS.find((kind) => kind === named);
  if (!channel) return problem.message;
  const values = {
    channel: t(`channel.${channel}`),
    name: /Template "([^"]*)"/.exec(problem.message)?.[1] ?? '',
  };
  return t(`problem.${problem.code as 'missingTemplateVariant' | 'channelNotConfigured'}`, values);
}

/**
 * A problem in the marketer's words for the step it is shown on; the language's own message (for
 * engineers) stays available as the tooltip. Codes without a friendlier text keep their message.
 */
export function describeProblem(problem: JourneyProblem, t: Translate): string {
  switch (problem.code) {
    case 'invalidConfig': {
      if (problem.issues && problem.issues.length > 0) return describeIssues(problem.issues, t);
      const fields = invalidFields(problem.message);
      return fields.length > 0
        ? t('problem.invalidConfig', { fields: fields.map((field) => labelOf(field, t)).join(', ') })
        : problem.message;
    }
    case 'unconnectedPort': {
      const port = /Port "([^"]+)"/.exec(problem.message)?.[1] ?? '';
      return t('problem.unconnectedPort', { port: portLabel(port, t) });
    }
    case 'unreachableNode':
      return t('problem.unreachableNode');
    case 'weightsNotHundred':
      return t('problem.weightsNotHundred');
    case 'rungsOutOfOrder':
      return t('problem.rungsOutOfOrder');
    case 'invalidDefinition':
      // While the journey's goal or settings are half filled in, the whole definition is refused.
      if (problem.issues && problem.issues.length > 0) return describeIssues(problem.issues, t);
      if (problem.message.includes(' goal.')) return t('problem.goalIncomplete');
      if (problem.message.includes(' settings.')) return t('problem.settingsInvalid');
      return problem.message;
    case 'missingEntry':
      return t('problem.missingEntry');
    case 'multipleEntries':
      return t('problem.multipleEntries');
    case 'edgeIntoEntry':
      return t('problem.edgeIntoEntry');
    case 'cycleWithoutWait':
      return t('problem.cycleWithoutWait');
    case 'emptyUpdate':
      return t('problem.emptyUpdate');
    case 'unknownEvent':
    case 'unknownTemplate':
    case 'unknownOffer':
    case 'unknownSegment':
    case 'unknownJourney':
      return t(`problem.${problem.code}`, { name: catalogName(problem.message) });
    case 'missingTemplateVariant':
    case 'channelNotConfigured':
      return describeChannelProblem(problem, t);
    case 'callOutcomeWithoutCall':
      return t('problem.callOutcomeWithoutCall');
    case 'invalidEntryWindow':
      return t('problem.invalidEntryWindow');
    case 'invalidTimeZone':
      return t('problem.invalidTimeZone');
    default:
      return problem.message;
  }
}
