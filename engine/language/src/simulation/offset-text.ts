/**
 * Offsets on a simulated timeline, written the way a marketer says them: `+2d`, `+36h`, `+1w2d`,
 * `+90m`, or `-10d` for a moment before the run starts (a made-up client's last purchase). Units:
 * m(inutes), h(ours), d(ays), w(eeks). Pure, so the builder checks a script before sending it.
 */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const OFFSET_PATTERN = /^([+-]?)((?:\d+(?:\.\d+)?[mhdw])+)$/;
const PART_PATTERN = /(\d+(?:\.\d+)?)([mhdw])/g;

/** Milliseconds `text` stands for, or null when it is not an offset. */
export function offsetTextToMs(text: string): number | null {
  const match = OFFSET_PATTERN.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  let total = 0;
  for (const part of (match[2] ?? '').matchAll(PART_PATTERN)) {
    total += Number(part[1]) * UNIT_MS[part[2] as keyof typeof UNIT_MS];
  }
  return match[1] === '-' ? -total : total;
}

/** Whole and fractional days between two epoch-ms moments, rounded to the hour (for labels). */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.round(((toMs - fromMs) / UNIT_MS.d) * 24) / 24;
}
