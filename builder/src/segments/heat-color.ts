/**
 * The heatmaps' one colour ramp: from near-white (nothing) to the report charts' blue (the most), so a
 * cell's shade reads as its share of the largest cell. Text turns white on the dark end.
 */
const LOW = [241, 245, 251] as const;
const HIGH = [29, 78, 186] as const;

export function heatColor(value: number, max: number): string {
  const share = max <= 0 ? 0 : Math.min(1, Math.max(0, value / max));
  const mix = (i: 0 | 1 | 2) => Math.round(LOW[i] + (HIGH[i] - LOW[i]) * share);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

export function heatTextColor(value: number, max: number): string {
  return max > 0 && value / max > 0.55 ? '#ffffff' : '#1d2939';
}
