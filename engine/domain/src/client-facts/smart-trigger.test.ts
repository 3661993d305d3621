import { describe, expect, it } from 'vitest';
import {
  computeClientFacts,
  computeSmartTriggerTable,
  daysSinceLastPurchase,
  isClientOverdue,
} from './smart-trigger';

const DAY_MS = 86_400_000;
const SEED_INTERVALS = [90, 60, 30, 60, 90, 120, 150];

/** Purchase dates whose consecutive gaps are `intervals` days, starting 2024-01-01 UTC. */
function purchasesWithIntervals(intervals: readonly number[]) {
  let at = Date.UTC(2024, 0, 1);
  const purchases = [{ purchasedAt: new Date(at), value: 10 }];
  for (const days of intervals) {
    at += days * DAY_MS;
    purchases.push({ purchasedAt: new Date(at), value: 10 });
  }
  return purchases;
}

describe('seed 004 smart trigger', () => {
  it('reproduces the seed table: means and "exceeds the mean" column', () => {
    const table = computeSmartTriggerTable(SEED_INTERVALS);
    expect(table.map((row) => Number(row.meanDays.toFixed(1)))).toEqual([90, 75, 60, 60, 66, 75, 85.7]);
    expect(table.map((row) => row.exceededPreviousMean)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    // The seed's own arithmetic: 330/5, 450/6, 600/7.
    expect(table[4]!.meanDays).toBe(66);
    expect(table[5]!.meanDays).toBe(75);
    expect(table[6]!.meanDays).toBeCloseTo(600 / 7, 10);
  });

  it('becomes overdue on the day the wait exceeds 60 days after purchase #5, not before', () => {
    const facts = computeClientFacts(purchasesWithIntervals(SEED_INTERVALS.slice(0, 4)));
    expect(facts.meanIntervalDays).toBe(60);
    const fifth = facts.lastPurchaseAt!.getTime();
    expect(facts.expectedNextPurchaseAt!.getTime()).toBe(fifth + 60 * DAY_MS);
    // Day 60 is the checkpoint itself ("60 = 60": not exceeded), to its last millisecond.
    expect(isClientOverdue(facts, new Date(fifth + 61 * DAY_MS - 1))).toBe(false);
    expect(isClientOverdue(facts, new Date(fifth + 61 * DAY_MS))).toBe(true);
  });

  it('counts whole UTC days since the last purchase', () => {
    const evening = new Date(Date.UTC(2024, 0, 1, 23, 30));
    expect(daysSinceLastPurchase(evening, new Date(Date.UTC(2024, 0, 1, 23, 59)))).toBe(0);
    expect(daysSinceLastPurchase(evening, new Date(Date.UTC(2024, 0, 2, 0, 1)))).toBe(1);
  });

  it('keeps the running facts of the whole history', () => {
    const facts = computeClientFacts(purchasesWithIntervals(SEED_INTERVALS));
    expect(facts.purchaseCount).toBe(8);
    expect(facts.totalValue).toBe(80);
    expect(facts.averageValue).toBe(10);
    expect(facts.intervalCount).toBe(7);
    expect(facts.intervalSumDays).toBe(600);
    expect(facts.lastIntervalDays).toBe(150);
    expect(facts.lastIntervalExceededMean).toBe(true);
  });

  it('counts several orders on one day as one visit and ignores input order', () => {
    const day = Date.UTC(1997, 0, 12);
    const facts = computeClientFacts([
      { purchasedAt: new Date(day + 40 * DAY_MS), value: 5 },
      { purchasedAt: new Date(day), value: 12 },
      { purchasedAt: new Date(day + 3_600_000), value: 77 },
    ]);
    expect(facts.purchaseCount).toBe(3);
    expect(facts.totalValue).toBe(94);
    expect(facts.intervalCount).toBe(1);
    expect(facts.meanIntervalDays).toBe(40);
  });

  it('has no rhythm and is never overdue with a single purchase day', () => {
    const facts = computeClientFacts([{ purchasedAt: new Date(0), value: 1 }]);
    expect(facts.meanIntervalDays).toBeNull();
    expect(facts.expectedNextPurchaseAt).toBeNull();
    expect(isClientOverdue(facts, new Date(1e13))).toBe(false);
  });
});
