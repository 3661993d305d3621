import { CHANNEL_KINDS, type ChannelKind, type DeliveryPolicy } from '@touchpoint/language';

/**
 * The delivery settings form as the marketer edits it, and its conversions to and from the policy
 * the API stores. Numbers stay text while edited: what is sent is what was typed, and the server's
 * 400 names the field when it is not a number (the form shows that message under the field).
 */

export const WINDOW_UNITS = ['hours', 'days'] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

export interface CapRow {
  /** Stable across edits, for React keys. */
  key: string;
  max: string;
  amount: string;
  unit: WindowUnit;
}

export interface QuietRow {
  isOn: boolean;
  start: string;
  end: string;
}

export interface DeliveryForm {
  overallCaps: CapRow[];
  channelCaps: Record<ChannelKind, CapRow[]>;
  quietHours: Record<ChannelKind, QuietRow>;
  fallbackTimeZone: string;
}

let nextKey = 0;
const newKey = () => `cap-${(nextKey += 1)}`;

/** A new cap row: one a day. */
export function emptyCap(): CapRow {
  return { key: newKey(), max: '1', amount: '1', unit: 'days' };
}

function toCapRow(cap: { max: number; windowHours: number }): CapRow {
  const isDays = cap.windowHours % 24 === 0;
  return {
    key: newKey(),
    max: String(cap.max),
    amount: String(isDays ? cap.windowHours / 24 : cap.windowHours),
    unit: isDays ? 'days' : 'hours',
  };
}

/** The form showing `policy`; a channel without quiet hours shows the usual night, switched off. */
export function toForm(policy: DeliveryPolicy): DeliveryForm {
  const byChannel = <T>(make: (channel: ChannelKind) => T) =>
    Object.fromEntries(CHANNEL_KINDS.map((channel) => [channel, make(channel)])) as Record<ChannelKind, T>;
  return {
    overallCaps: policy.overallCaps.map(toCapRow),
    channelCaps: byChannel((channel) => (policy.channelCaps[channel] ?? []).map(toCapRow)),
    quietHours: byChannel((channel) => {
      const window = policy.quietHours[channel];
      return window ? { isOn: true, ...window } : { isOn: false, start: '22:00', end: '08:00' };
    }),
    fallbackTimeZone: policy.fallbackTimeZone,
  };
}

/** A typed number as a number; anything else as typed, for the server to refuse by its field. */
function toNumber(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function toCap(row: CapRow) {
  const amount = toNumber(row.amount);
  return {
    max: toNumber(row.max),
    windowHours: typeof amount === 'number' && row.unit === 'days' ? amount * 24 : amount,
  };
}

/** The body's `policy` for the form (not checked here: the server checks and names each field). */
export function toPolicy(form: DeliveryForm): Record<string, unknown> {
  const channelCaps = Object.fromEntries(
    CHANNEL_KINDS.filter((channel) => form.channelCaps[channel].length > 0).map((channel) => [
      channel,
      form.channelCaps[channel].map(toCap),
    ]),
  );
  const quietHours = Object.fromEntries(
    CHANNEL_KINDS.filter((channel) => form.quietHours[channel].isOn).map((channel) => [
      channel,
      { start: form.quietHours[channel].start, end: form.quietHours[channel].end },
    ]),
  );
  return {
    overallCaps: form.overallCaps.map(toCap),
    channelCaps,
    quietHours,
    fallbackTimeZone: form.fallbackTimeZone.trim(),
  };
}

/**
 * The server's issues by form field: `body.policy.channelCaps.sms.0.max` becomes
 * `channelCaps.sms.0.max`, the `data-field` of the input it is about. Issues about a whole cap
 * (`overallCaps.0`) stay on that path; the page shows what matches no input above the save button.
 */
export function issuesByField(issues: readonly { path: string; message: string }[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.replace(/^body\.policy\.?/, '').replace(/^body\./, '');
    const known = byField.get(field);
    byField.set(field, known ? `${known}; ${issue.message}` : issue.message);
  }
  return byField;
}

/** Minutes of the day a quiet window covers, as [start, end) spans on one 0–1440 line (wrapping split). */
export function quietSpans(row: QuietRow): [number, number][] {
  const minutes = (clock: string) => {
    const [hours, mins] = clock.split(':').map(Number);
    return (hours ?? 0) * 60 + (mins ?? 0);
  };
  if (!row.isOn || !/^\d\d:\d\d$/.test(row.start) || !/^\d\d:\d\d$/.test(row.end)) return [];
  const start = minutes(row.start);
  const end = minutes(row.end);
  if (start === end) return [];
  return start < end
    ? [[start, end]]
    : [
        [start, 1440],
        [0, end],
      ];
}
