import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

/**
 * An independent recomputation of RFM cells and lifecycle stages from the raw CDNOW file, written
 * apart from engine/domain/src/segments on purpose: the test compares the product's counts with these.
 */

const DAY_MS = 86_400_000;

export interface CdnowCustomer {
  orders: number;
  cents: number;
  lastDay: number;
}

export function readCdnowCustomers(file: string): Map<string, CdnowCustomer> {
  const customers = new Map<string, CdnowCustomer>();
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  for (const line of text.split('\n').slice(1)) {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars) continue;
    const day = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) / DAY_MS;
    const cents = Math.round(Number(dollars) * 100);
    const known = customers.get(id) ?? { orders: 0, cents: 0, lastDay: -Infinity };
    customers.set(id, {
      orders: known.orders + 1,
      cents: known.cents + cents,
      lastDay: Math.max(known.lastDay, day),
    });
  }
  return customers;
}

/** PostgreSQL's percentile_disc: the value at row ceil(f × n) of the sorted values (1-based). */
function percentileDisc(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]!;
}

const score = (value: number, low: number, high: number) => (value <= low ? 1 : value <= high ? 2 : 3);

/** Cell counts with tercile cut points, 3 best; recency in whole days before `asOfDay`. */
export function countRfmCells(customers: Map<string, CdnowCustomer>, asOfDay: number): Map<string, number> {
  const rows = [...customers.values()].map((c) => ({
    days: asOfDay - c.lastDay,
    orders: c.orders,
    value: c.cents / 100,
  }));
  const cuts = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return [percentileDisc(sorted, 1 / 3), percentileDisc(sorted, 2 / 3)] as const;
  };
  const [r1, r2] = cuts(rows.map((r) => r.days));
  const [f1, f2] = cuts(rows.map((r) => r.orders));
  const [m1, m2] = cuts(rows.map((r) => r.value));
  const counts = new Map<string, number>();
  for (const row of rows) {
    const cell = `R${4 - score(row.days, r1, r2)}F${score(row.orders, f1, f2)}M${score(row.value, m1, m2)}`;
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

/** Stage counts with the default grid: 1–2 orders new ≤ 90 days, else former new; 3+ best ≤ 90, potential ≤ 180, else former best. */
export function countLifecycleStages(
  customers: Map<string, CdnowCustomer>,
  asOfDay: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of customers.values()) {
    const days = asOfDay - c.lastDay;
    const stage =
      c.orders <= 2
        ? days <= 90
          ? 'new'
          : 'former-new'
        : days <= 90
          ? 'best'
          : days <= 180
            ? 'highest-potential'
            : 'former-best';
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return counts;
}
