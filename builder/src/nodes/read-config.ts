/** Reads a nested value from a config that may still be half-filled; missing steps give undefined. */
export function readPath(config: unknown, path: string): unknown {
  let current: unknown = config;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A duration or offset as a short text such as `3 days` or `-3 days`; empty when incomplete. */
export function formatDuration(value: unknown): string {
  const amount = readPath(value, 'amount');
  const unit = readPath(value, 'unit');
  return typeof amount === 'number' && typeof unit === 'string' ? `${amount} ${unit}` : '';
}

/** A list value as text (`email → sms`), empty when not a list. */
export function formatList(value: unknown, separator = ' → '): string {
  return Array.isArray(value) ? value.map(String).join(separator) : '';
}
