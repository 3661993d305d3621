import { describe, expect, it } from 'vitest';
import { CdnowParseError, computeShiftMs, groupByCustomer, parseCdnowLog, toPurchases } from './parse-cdnow';

const LOG = ` customer_id  date number_of_cds  dollar_value
 00002 19970112  1   12.00
 00002 19970112  5   77.00
 00002 19980630  2   20.76
`;

describe('CDNOW log', () => {
  it('keys the n-th order of a day by its ordinal and keeps the orders of one day apart', () => {
    const purchases = toPurchases(groupByCustomer(parseCdnowLog(LOG)).get('00002')!);
    expect(
      purchases.map((p) => [p.idempotencyKey, p.purchasedAt.toISOString(), p.value, p.itemCount]),
    ).toEqual([
      ['cdnow:00002:19970112:0', '1997-01-12T12:00:00.000Z', 12, 1],
      ['cdnow:00002:19970112:1', '1997-01-12T12:01:00.000Z', 77, 5],
      ['cdnow:00002:19980630:0', '1998-06-30T12:00:00.000Z', 20.76, 2],
    ]);
    expect(purchases[0]?.clientExternalId).toBe('cdnow-00002');
  });

  // 1997-01-12 is 534 days before 1998-06-30, and 2025-06-06 is 534 days before 2026-11-22.
  it('shifts times by whole days so the last day of the log lands on endAt, leaving keys alone', () => {
    const rows = parseCdnowLog(LOG);
    const shift = computeShiftMs(rows, new Date('2026-11-22T17:45:00Z'));
    const [first, , last] = toPurchases(rows, shift);
    expect(last?.purchasedAt.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(first?.purchasedAt.toISOString()).toBe('2025-06-06T12:00:00.000Z');
    expect(first?.idempotencyKey).toBe('cdnow:00002:19970112:0');
  });

  it('names the line of a malformed row', () => {
    expect(() => parseCdnowLog(`${LOG} 00003 1997-01-02 2 20.76\n`)).toThrow(CdnowParseError);
    expect(() => parseCdnowLog(`${LOG} 00003 1997-01-02 2 20.76\n`)).toThrow(/^line 5: /);
  });
});
