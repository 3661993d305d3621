/**
 * The streaming assignment rule, one client at a time within one stratum. `assigned` clients of the
 * stratum came before, `heldOut` of them are in the control group; `draw` ∈ [0, 1) is the client's own
 * hash (never the clock). The gap g = share·(assigned + 1) − heldOut is how far the control group would
 * lag its target if this client were treated; the client is held out when g > draw.
 *
 * Invariant: |heldOut − share·assigned| < 1 after every client (a stratum is never off by a whole
 * client). Proof: before the client |g − share| < 1. Held out (g > draw ≥ 0): the new gap g − 1 lies in
 * (−1, share) ⊂ (−1, 1). Treated (g ≤ draw < 1): the gap stays g, and g > share − 1 ≥ −1. The hash only
 * decides which of the clients near the boundary goes where, so who is held out is random while the
 * counts are not.
 */
export function decideHoldout(input: {
  share: number;
  assigned: number;
  heldOut: number;
  draw: number;
}): boolean {
  if (input.share <= 0) return false;
  const gap = input.share * (input.assigned + 1) - input.heldOut;
  return gap > input.draw;
}

/**
 * A client's draw in one experiment, in [0, 1): FNV-1a over the key and the client, twice with
 * different offsets, each finished with MurmurHash3's avalanche so ids that differ in one character
 * land far apart. The same on every runtime, fixed for the experiment's life.
 */
export function holdoutDraw(experimentKey: string, clientId: string): number {
  const text = `${experimentKey}\u0000${clientId}`;
  const high = avalanche(fnv1a(text, 0x811c9dc5));
  const low = avalanche(fnv1a(text, 0x050c5d1f));
  // 53 bits: 32 from one hash, 21 from the other.
  return (high * 2 ** 21 + (low >>> 11)) / 2 ** 53;
}

function fnv1a(text: string, offset: number): number {
  let hash = offset;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
