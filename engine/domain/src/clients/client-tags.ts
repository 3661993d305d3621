/** A client's tags: kept in `attributes.tags` until clients get a tags column. */
export function tagsOf(attributes: Record<string, unknown>): string[] {
  const value = attributes.tags;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
