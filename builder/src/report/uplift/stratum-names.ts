import { MISSING_STRATUM_VALUE, stratumParts } from '@touchpoint/language';

/** The words a stratum key is written in: factor names, "any" for merged, "unknown" for missing. */
export interface StratumWords {
  /** A factor's name (`rfmCell` → "RFM cell"); an attribute's own name when unknown. */
  factor: (name: string) => string;
  any: string;
  unknown: string;
  everyone: string;
}

/**
 * A stratum key (`rfmCell=R1F1M1|region=*`) as the marketer reads it: "RFM cell R1F1M1 · region any".
 * The empty key is the whole population.
 */
export function describeStratumKey(key: string, words: StratumWords): string {
  const parts = stratumParts(key);
  if (parts.length === 0) return words.everyone;
  return parts
    .map(({ name, value }) => {
      const shown = value === '*' ? words.any : value === MISSING_STRATUM_VALUE ? words.unknown : value;
      return `${words.factor(name)} ${shown}`;
    })
    .join(' · ');
}
