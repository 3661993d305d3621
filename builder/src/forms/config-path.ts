/** Returns a copy of `value` with `path` set to `next`, creating objects / arrays on the way. */
export function setPath(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  const child = (value as Record<string | number, unknown> | null | undefined)?.[head];
  const updated = setPath(child, rest, next);
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = updated;
    return list;
  }
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...record, [head]: updated };
}
