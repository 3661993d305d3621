import { describe, expect, it } from 'vitest';
import {
  axisRange,
  clampDay,
  dayToPercent,
  dragToDay,
  formatDayOffset,
  nudgeDay,
  pixelsToDays,
  rungBounds,
  snapDay,
  staggerRows,
} from './ladder-scale';

describe('ladder scale', () => {
  it('keeps the checkpoint on the axis even when every rung is after it', () => {
    const range = axisRange([5, 12, 20]);
    expect(range).toEqual({ min: 0, max: 20 });
    expect(dayToPercent(0, range)).toBe(6);
    expect(dayToPercent(20, range)).toBe(94);
  });

  it('gives a roomy axis free whole days beyond the outermost rungs', () => {
    expect(axisRange([-3, 5, 12], true)).toEqual({ min: -7, max: 16 });
    expect(axisRange([2], true)).toEqual({ min: -3, max: 5 });
  });

  it('maps pixels to days and back on the inner width of the axis', () => {
    const range = { min: -10, max: 34 };
    // 500 px wide: 440 px inside the edge margins hold 44 days, so 10 px = 1 day.
    expect(pixelsToDays(10, 500, range)).toBeCloseTo(1);
    expect(pixelsToDays(-35, 500, range)).toBeCloseTo(-3.5);
    const at = (day: number) => (dayToPercent(day, range) / 100) * 500;
    expect(pixelsToDays(at(7) - at(-2), 500, range)).toBeCloseTo(9);
    expect(pixelsToDays(40, 0, range)).toBe(0);
  });

  it('snaps to whole days without a negative zero', () => {
    expect(snapDay(2.4)).toBe(2);
    expect(snapDay(-2.6)).toBe(-3);
    expect(Object.is(snapDay(-0.2), 0)).toBe(true);
  });

  it('keeps a rung strictly between its neighbours, in whole days', () => {
    expect(rungBounds([-3, 5, 12], 1)).toEqual({ min: -2, max: 11 });
    expect(rungBounds([-3, 5, 12], 0)).toEqual({ min: -Infinity, max: 4 });
    expect(rungBounds([-3, 5, 12], 2)).toEqual({ min: 6, max: Infinity });
    // 36 hours before: the next rung may sit on day -1 at the earliest.
    expect(rungBounds([-1.5, 0], 1).min).toBe(-1);
    // Already out of order: no room to keep, only the axis limits the rung.
    expect(rungBounds([5, 5, 1], 1)).toEqual({ min: -Infinity, max: Infinity });
    expect(clampDay(20, { min: -2, max: 11 })).toBe(11);
  });

  it('moves a dragged rung by the pointer, snapped, clamped to its neighbours and the axis', () => {
    const drag = { startDay: 5, widthPx: 500, range: { min: -10, max: 34 }, bounds: { min: -2, max: 11 } };
    expect(dragToDay({ ...drag, deltaPx: 34 })).toBe(8);
    expect(dragToDay({ ...drag, deltaPx: 36 })).toBe(9);
    expect(dragToDay({ ...drag, deltaPx: 400 })).toBe(11);
    expect(dragToDay({ ...drag, deltaPx: -400 })).toBe(-2);
    const last = { ...drag, bounds: { min: 6, max: Infinity } };
    expect(dragToDay({ ...last, deltaPx: 5000 })).toBe(34);
  });

  it('nudges a rung one day (or a week) at a time, never past its neighbours', () => {
    const bounds = { min: -2, max: 11 };
    expect(nudgeDay(5, 1, bounds)).toBe(6);
    expect(nudgeDay(5, -1, bounds)).toBe(4);
    expect(nudgeDay(5, 1, bounds, 7)).toBe(11);
    expect(nudgeDay(11, 1, bounds)).toBe(11);
    expect(nudgeDay(1.5, 1, bounds)).toBe(2);
    expect(nudgeDay(1.5, -1, bounds)).toBe(1);
  });

  it('labels days with a sign and a real minus', () => {
    expect(formatDayOffset(-3)).toBe('−3');
    expect(formatDayOffset(7)).toBe('+7');
    expect(formatDayOffset(0)).toBe('0');
    expect(formatDayOffset(1 / 24)).toBe('0');
    expect(formatDayOffset(1.5)).toBe('+1.5');
  });
});

describe('rung label rows', () => {
  it('drops a rung that would cover its neighbour to the lower row', () => {
    expect(staggerRows([10, 50, 90], 15)).toEqual([0, 0, 0]);
    expect(staggerRows([10, 50, 58, 70, 90], 15)).toEqual([0, 0, 1, 0, 0]);
    // Three within a label's width: the third covers the one it is furthest from.
    expect(staggerRows([10, 14, 20], 15)).toEqual([0, 1, 0]);
  });
});
