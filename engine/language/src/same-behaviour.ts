/** A value with object keys in one order, so two equal definitions print the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/**
 * Whether two definitions would run alike: equal in everything but `layout`. Positions on the canvas
 * never change what runs (they are kept apart for that reason), so a draft that was only tidied up
 * publishes nothing new.
 */
export function haveSameBehaviour(a: unknown, b: unknown): boolean {
  const withoutLayout = (definition: unknown) => {
    if (definition === null || typeof definition !== 'object') return definition;
    const { layout: _layout, ...rest } = definition as Record<string, unknown>;
    return rest;
  };
  return JSON.stringify(canonical(withoutLayout(a))) === JSON.stringify(canonical(withoutLayout(b)));
}
