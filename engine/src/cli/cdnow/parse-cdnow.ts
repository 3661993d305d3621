import type { IncomingPurchase } from '@touchpoint/domain';

/** One row of the CDNOW master log: a customer's order on a day. */
export interface CdnowRow {
  /** Zero-padded customer id as in the file (`00001`). */
  customerId: string;
  /** `YYYYMMDD`. */
  date: string;
  cdCount: number;
  dollarValue: number;
}

/** A problem in the log, with the 1-based line it is on. */
export class CdnowParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CdnowParseError';
  }
}

const ROW = /^\s*(\d{5})\s+(\d{8})\s+(\d+)\s+(\d+(?:\.\d+)?)\s*$/;

/** Parses the whitespace-separated log; the header line and blank lines are skipped. */
export function parseCdnowLog(text: string): CdnowRow[] {
  const rows: CdnowRow[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('customer_id')) return;
    const match = ROW.exec(line);
    if (match === null)
      throw new CdnowParseError(index + 1, `expected "id yyyymmdd cds dollars", got "${line}"`);
    const [, customerId, date, cds, dollars] = match as unknown as [string, string, string, string, string];
    rows.push({ customerId, date, cdCount: Number(cds), dollarValue: Number(dollars) });
  });
  return rows;
}

/** The client's external id in Touchpoint: the CDNOW id, prefixed so it never collides with CRM ids. */
export function toCdnowExternalId(customerId: string): string {
  return `cdnow-${customerId}`;
}

/** Rows grouped per customer, in file order (the log is sorted by customer id). */
export function groupByCustomer(rows: readonly CdnowRow[]): Map<string, CdnowRow[]> {
  const byCustomer = new Map<string, CdnowRow[]>();
  for (const row of rows) {
    const list = byCustomer.get(row.customerId);
    if (list === undefined) byCustomer.set(row.customerId, [row]);
    else list.push(row);
  }
  return byCustomer;
}

const DAY_MS = 86_400_000;

/** Midnight UTC of a `YYYYMMDD` date. */
export function parseCdnowDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
}

/**
 * Milliseconds (whole days) that move the log's last day onto `endAt`'s UTC day, so a 1997-98 log can
 * play as recent history (expected next purchases and overdue flags near today).
 */
export function computeShiftMs(rows: readonly CdnowRow[], endAt: Date): number {
  const lastDay = rows.reduce((last, row) => (row.date > last ? row.date : last), '00000101');
  const endDay = Math.floor(endAt.getTime() / DAY_MS) * DAY_MS;
  return endDay - parseCdnowDate(lastDay);
}

/**
 * One customer's rows as purchases. The log has dates only and a customer can place several orders on
 * one day, so the n-th order of a day gets key `cdnow:<id>:<date>:<n>` (stable across runs, which makes
 * the import idempotent) and time noon UTC + n minutes (keeps the day in every time zone from UTC-11 to
 * UTC+11 and the orders in file order). `shiftMs` moves times, never keys.
 */
export function toPurchases(rows: readonly CdnowRow[], shiftMs = 0): IncomingPurchase[] {
  const perDay = new Map<string, number>();
  return rows.map((row) => {
    const n = perDay.get(row.date) ?? 0;
    perDay.set(row.date, n + 1);
    return {
      idempotencyKey: `cdnow:${row.customerId}:${row.date}:${n}`,
      clientExternalId: toCdnowExternalId(row.customerId),
      purchasedAt: new Date(parseCdnowDate(row.date) + shiftMs + (12 * 60 + n) * 60_000),
      value: row.dollarValue,
      currency: 'USD',
      itemCount: row.cdCount,
      source: 'import:cdnow',
    };
  });
}
