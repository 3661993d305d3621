/**
 * The ladder timeline's geometry, kept free of React so the drag rules are unit-tested: where a day
 * sits on the axis, how many days a pointer movement is worth, and where a rung may go.
 */

/** The days from the checkpoint that the axis shows, left edge to right edge. */
export interface DayRange {
  min: number;
  max: number;
}

/** Share of the axis width kept free at each end so the outermost rung buttons stay inside. */
const EDGE_PERCENT = 6;
const INNER_PERCENT = 100 - 2 * EDGE_PERCENT;

/**
 * The range an axis shows for these rung days: always including the checkpoint (day 0). A roomy axis
 * adds free days at both ends so the outermost rungs can be dragged further out.
 */
export function axisRange(days: readonly number[], roomy = false): DayRange {
  const min = Math.min(0, ...days);
  const max = Math.max(0, ...days);
  if (!roomy) return { min, max: max === min ? min + 1 : max };
  const pad = Math.max(3, Math.ceil((max - min) * 0.25));
  return { min: Math.floor(min) - pad, max: Math.ceil(max) + pad };
}

/** Horizontal position of a day on the axis, in percent of its width. */
export function dayToPercent(day: number, range: DayRange): number {
  const span = range.max - range.min || 1;
  return EDGE_PERCENT + ((day - range.min) / span) * INNER_PERCENT;
}

/** How many days a horizontal movement of `pixels` is worth on an axis `widthPx` wide. */
export function pixelsToDays(pixels: number, widthPx: number, range: DayRange): number {
  if (widthPx <= 0) return 0;
  return (pixels / ((widthPx * INNER_PERCENT) / 100)) * (range.max - range.min);
}

/** Rungs are dragged in whole days. */
export function snapDay(value: number): number {
  return Math.round(value) || 0;
}

/**
 * Whole days rung `index` may take without breaking the language's rule that rung offsets strictly
 * increase: after the previous rung, before the next one. When the rungs are already out of order
 * there is no such room; then only the axis limits the rung and the validation problem stays shown.
 */
export function rungBounds(days: readonly number[], index: number): DayRange {
  const previous = days[index - 1];
  const next = days[index + 1];
  const min = previous === undefined ? -Infinity : Math.floor(previous) + 1;
  const max = next === undefined ? Infinity : Math.ceil(next) - 1;
  return min <= max ? { min, max } : { min: -Infinity, max: Infinity };
}

export function clampDay(day: number, ...limits: DayRange[]): number {
  return limits.reduce((value, limit) => Math.min(limit.max, Math.max(limit.min, value)), day);
}

/** Where a dragged rung lands: its start day moved by the pointer, snapped, kept in order and on the axis. */
export function dragToDay(drag: {
  startDay: number;
  deltaPx: number;
  widthPx: number;
  range: DayRange;
  bounds: DayRange;
}): number {
  const moved = drag.startDay + pixelsToDays(drag.deltaPx, drag.widthPx, drag.range);
  const onAxis = { min: Math.ceil(drag.range.min), max: Math.floor(drag.range.max) };
  return clampDay(snapDay(moved), onAxis, drag.bounds);
}

/** "−3", "+7", "0": a signed day count with a real minus sign, as the axis labels it. */
export function formatDayOffset(day: number): string {
  const rounded = Math.round(day * 10) / 10;
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${-rounded}`;
  return '0';
}

/**
 * The day a rung moves to when the marketer presses ← / → on it: to the next whole day in that
 * direction (`step` days at once), never past its neighbours. Returns the day unchanged when blocked.
 */
export function nudgeDay(day: number, direction: -1 | 1, bounds: DayRange, step = 1): number {
  const next = direction > 0 ? Math.floor(day) + step : Math.ceil(day) - step;
  const clamped = clampDay(next, bounds);
  return direction > 0 ? Math.max(day, clamped) : Math.min(day, clamped);
}

/**
 * Which row (0 = on the line, 1 = just below) each rung label takes, so that labels of rungs a few
 * days apart do not cover each other: a rung goes on the first row where it is at least
 * `minGapPercent` from the last label, else on the row where it overlaps least. Positions are in
 * axis order (rungs are sorted when valid).
 */
export function staggerRows(percents: readonly number[], minGapPercent: number): (0 | 1)[] {
  const last = [-Infinity, -Infinity];
  return percents.map((percent) => {
    const gaps = last.map((at) => percent - at);
    const free = gaps.findIndex((gap) => gap >= minGapPercent);
    const row: 0 | 1 = free === 0 || (free === -1 && (gaps[0] ?? 0) >= (gaps[1] ?? 0)) ? 0 : 1;
    last[row] = percent;
    return row;
  });
}
