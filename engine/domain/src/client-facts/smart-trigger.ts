/**
 * Seed 004's smart trigger, as pure functions. A client's rhythm is the running mean of the day intervals
 * between consecutive purchases; the next purchase is expected at last + mean, and the client is overdue
 * once the time since the last purchase exceeds that mean.
 */

const DAY_MS = 86_400_000;

/** One row of seed 004's table: the interval, the running mean including it, and whether it exceeded
 * the mean known before it (the first interval is compared with itself, as the seed does: "90 = 90"). */
export interface SmartTriggerRow {
  intervalDays: number;
  meanDays: number;
  exceededPreviousMean: boolean;
}

/** Reproduces seed 004's table for a sequence of intervals (in days). */
export function computeSmartTriggerTable(intervalsDays: readonly number[]): SmartTriggerRow[] {
  const rows: SmartTriggerRow[] = [];
  let sum = 0;
  intervalsDays.forEach((intervalDays, index) => {
    const previousMean = index === 0 ? intervalDays : sum / index;
    sum += intervalDays;
    rows.push({
      intervalDays,
      meanDays: sum / (index + 1),
      exceededPreviousMean: intervalDays > previousMean,
    });
  });
  return rows;
}

/** A purchase as far as the facts care. */
export interface PurchaseForFacts {
  purchasedAt: Date;
  value: number;
}

/** Everything `client_facts` stores, derived from a client's purchases. */
export interface ComputedClientFacts {
  purchaseCount: number;
  totalValue: number;
  averageValue: number | null;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
  intervalCount: number;
  intervalSumDays: number;
  lastIntervalDays: number | null;
  meanIntervalDays: number | null;
  expectedNextPurchaseAt: Date | null;
  lastIntervalExceededMean: boolean;
}

/**
 * Computes a client's facts from all their purchases (any order). Intervals are measured between purchase
 * *days* (UTC): a basket split into two orders on one day is one visit, and counting its 0-day interval
 * would halve the mean and fire the trigger far too early (CDNOW has many such rows).
 */
export function computeClientFacts(purchases: readonly PurchaseForFacts[]): ComputedClientFacts {
  const sorted = [...purchases].sort((a, b) => a.purchasedAt.getTime() - b.purchasedAt.getTime());
  const totalValue = roundCents(sorted.reduce((sum, p) => sum + p.value, 0));
  const visits = collapseToVisitDays(sorted.map((p) => p.purchasedAt));
  const intervals = visits.slice(1).map((visit, i) => (visit.getTime() - visits[i]!.getTime()) / DAY_MS);
  const table = computeSmartTriggerTable(intervals);
  const last = table.at(-1);
  const lastPurchaseAt = sorted.at(-1)?.purchasedAt ?? null;
  return {
    purchaseCount: sorted.length,
    totalValue,
    averageValue: sorted.length === 0 ? null : roundCents(totalValue / sorted.length),
    firstPurchaseAt: sorted[0]?.purchasedAt ?? null,
    lastPurchaseAt,
    intervalCount: intervals.length,
    intervalSumDays: intervals.reduce((sum, d) => sum + d, 0),
    lastIntervalDays: last?.intervalDays ?? null,
    meanIntervalDays: last?.meanDays ?? null,
    expectedNextPurchaseAt:
      last === undefined || lastPurchaseAt === null ? null : addDays(visits.at(-1)!, last.meanDays),
    lastIntervalExceededMean: last?.exceededPreviousMean ?? false,
  };
}

/**
 * Whole UTC days from the last purchase's day to `now`'s day: 0 on the day of the purchase. The smart
 * trigger and the lifecycle grid count days, not hours, so a daily recompute makes the same decision
 * whatever hour it runs at.
 */
export function daysSinceLastPurchase(lastPurchaseAt: Date, now: Date): number {
  return utcDay(now) - utcDay(lastPurchaseAt);
}

/**
 * True when the client is overdue at `now`: the whole days since the last purchase exceed the mean
 * interval (seed 004: mean 60 after purchase #5, so overdue from day 61, never on day 60). A client with
 * fewer than two purchase days has no rhythm yet and is never overdue. This is the one implementation
 * of the rule; the segmentation job classifies with it and `overdueSql` (engine/domain/src/segments) is its SQL
 * form for filters, checked against it by the segmentation tests.
 */
export function isClientOverdue(
  facts: Pick<ComputedClientFacts, 'lastPurchaseAt' | 'meanIntervalDays'>,
  now: Date,
): boolean {
  if (facts.lastPurchaseAt === null || facts.meanIntervalDays === null) return false;
  return daysSinceLastPurchase(facts.lastPurchaseAt, now) > facts.meanIntervalDays;
}

/** The first purchase time of each distinct UTC day, in order. */
function collapseToVisitDays(sortedTimes: readonly Date[]): Date[] {
  const visits: Date[] = [];
  for (const time of sortedTimes) {
    const previous = visits.at(-1);
    if (previous === undefined || utcDay(previous) !== utcDay(time)) visits.push(time);
  }
  return visits;
}

function utcDay(time: Date): number {
  return Math.floor(time.getTime() / DAY_MS);
}

function addDays(time: Date, days: number): Date {
  return new Date(time.getTime() + Math.round(days * DAY_MS));
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
