/** Reads a nested value from a config that may still be half-filled; missing steps give undefined. */
export function readPath(config: unknown, path: string): unknown {
  let current: unknown = config;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const UNIT_KEYS = {
  minutes: 'unit.minutes',
  hours: 'unit.hours',
  days: 'unit.days',
  weeks: 'unit.weeks',
} as const;

/**
 * A duration or offset as short text in the interface language (`3 d`, `-3 дн.`); empty when
 * incomplete. `t` translates the unit; without one the raw unit is shown.
 */
export function formatDuration(
  value: unknown,
  t?: (key: (typeof UNIT_KEYS)[keyof typeof UNIT_KEYS], values: { n: number }) => string,
): string {
  const amount = readPath(value, 'amount');
  const unit = readPath(value, 'unit');
  if (typeof amount !== 'number' || typeof unit !== 'string') return '';
  const key = UNIT_KEYS[unit as keyof typeof UNIT_KEYS];
  return t && key ? t(key, { n: amount }) : `${amount} ${unit}`;
}

/** A list value as text (`email → sms`), empty when not a list. */
export function formatList(value: unknown, separator = ' → '): string {
  return Array.isArray(value) ? value.map(String).join(separator) : '';
}

const CHANNEL_KEYS = {
  email: 'channel.email',
  sms: 'channel.sms',
  call: 'channel.call',
  webhook: 'channel.webhook',
} as const;

/** A channel in the interface language (`Email`, `Письмо`); an unknown channel as written. */
export function formatChannel(
  channel: string,
  t: (key: (typeof CHANNEL_KEYS)[keyof typeof CHANNEL_KEYS]) => string,
): string {
  const key = CHANNEL_KEYS[channel as keyof typeof CHANNEL_KEYS];
  return key ? t(key) : channel;
}
