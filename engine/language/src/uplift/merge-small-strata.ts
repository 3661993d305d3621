import { coarserStratumKey, stratumParts } from './stratum-key';

/** A stratum with both arms' sizes, plus whatever figures travel with it (merged by `combine`). */
export interface SizedStratum {
  key: string;
  treated: { n: number };
  control: { n: number };
}

/**
 * Merges strata whose smaller arm holds fewer than `minimumPerArm` clients into the coarser stratum
 * that shares their leading attributes (seed 000: small segments are judged together by what they
 * have in common). Repeats until every stratum is large enough or has no attribute left to drop. A
 * merged stratum is named by the attributes kept and `*` for those dropped, e.g. `rfmCell=R1F1M1|region=*`.
 * Large strata are never merged, so their estimates keep their own weights.
 */
export function mergeSmallStrata<S extends SizedStratum>(
  strata: readonly S[],
  minimumPerArm: number,
  combine: (a: S, b: S, key: string) => S,
): S[] {
  let current = [...strata];
  for (;;) {
    const small = current.filter(
      (s) => Math.min(s.treated.n, s.control.n) < minimumPerArm && depthOf(s.key) > 0,
    );
    if (small.length === 0) return current.sort((a, b) => a.key.localeCompare(b.key));
    const kept = current.filter((s) => !small.includes(s));
    const merged = new Map<string, S>();
    for (const s of small) {
      const key = coarsen(s.key);
      const existing = merged.get(key) ?? kept.find((k) => k.key === key);
      if (existing && kept.includes(existing)) kept.splice(kept.indexOf(existing), 1);
      merged.set(key, existing ? combine(existing, s, key) : { ...s, key });
    }
    current = [...kept, ...merged.values()];
  }
}

/** Attributes still named (not `*`) in a key. */
function depthOf(key: string): number {
  return stratumParts(key).filter((p) => p.value !== '*').length;
}

/** Replaces the last named attribute's value by `*`. */
function coarsen(key: string): string {
  const parts = stratumParts(key);
  const last = parts.map((p) => p.value !== '*').lastIndexOf(true);
  if (last < 0) return coarserStratumKey(key);
  return parts.map((p, i) => `${p.name}=${i === last ? '*' : p.value}`).join('|');
}
