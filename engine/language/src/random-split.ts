/** FNV-1a, 32 bit: tiny, deterministic on every runtime, good enough to spread clients evenly. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A bucket 0–99 for a client at a node; stable across runs and journey versions (no version in the key). */
export function bucketOf(journeyId: string, nodeId: string, clientId: string): number {
  return hashString(`${journeyId}\u0000${nodeId}\u0000${clientId}`) % 100;
}

/** Picks the variant whose cumulative weight range holds the client's bucket (weights sum to 100). */
export function pickVariant<T extends { id: string; weight: number }>(
  variants: readonly T[],
  bucket: number,
): T {
  let upper = 0;
  for (const variant of variants) {
    upper += variant.weight;
    if (bucket < upper) return variant;
  }
  const last = variants[variants.length - 1];
  if (!last) throw new Error('A random split needs at least one variant');
  return last;
}
