/**
 * A stratum is named by its attributes' values in the order the holdout lists them:
 * `rfmCell=R1F1M1|region=EU`. The order matters: merging a small stratum drops attributes from the
 * end, so the first listed is the one kept longest (the "common attribute" strata are merged by).
 * A missing value is `∅`; the whole population, with no attributes left, is the empty key.
 */
export const MISSING_STRATUM_VALUE = '∅';

export function stratumKeyOf(values: readonly { name: string; value: string | null }[]): string {
  return values.map(({ name, value }) => `${name}=${clean(value ?? MISSING_STRATUM_VALUE)}`).join('|');
}

/** The `name=value` parts of a key, in order. */
export function stratumParts(key: string): { name: string; value: string }[] {
  if (key === '') return [];
  return key.split('|').map((part) => {
    const at = part.indexOf('=');
    return { name: part.slice(0, at), value: part.slice(at + 1) };
  });
}

/** The key with its last attribute dropped (the coarser stratum a small one is merged into). */
export function coarserStratumKey(key: string): string {
  const parts = stratumParts(key);
  return parts
    .slice(0, -1)
    .map((p) => `${p.name}=${p.value}`)
    .join('|');
}

// `|` and `=` delimit the key; a value holding them would split wrongly.
function clean(value: string): string {
  return value.replace(/[|=]/g, '_');
}
