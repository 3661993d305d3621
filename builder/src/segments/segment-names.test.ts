import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { dayColumnLabel, purchaseRowLabel, rfmCellName, segmentDisplayName } from './segment-names';

const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('en', key, values);
const ru = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('ru', key, values);

describe('segment names', () => {
  it('names an RFM cell by its code and what each score means', () => {
    expect(rfmCellName('R3F1M2', en)).toBe('R3 F1 M2 — recent, rare, mid value');
    expect(rfmCellName('R1F3M3', ru)).toBe('R1 F3 M3 — давно ушли, часто, крупные суммы');
    expect(rfmCellName('R4F1M1', en)).toBe('R4F1M1');
  });

  it('names stages and overdue, and keeps a saved segment’s own name', () => {
    expect(segmentDisplayName('former-best', en)).toBe('Former best');
    expect(segmentDisplayName('highest-potential', ru)).toBe('Наибольший потенциал');
    expect(segmentDisplayName('overdue', en)).toBe('Overdue (smart trigger)');
    expect(segmentDisplayName('vip-moscow', en, 'VIP in Moscow')).toBe('VIP in Moscow');
  });

  it('labels the grid’s columns and rows as seed 004 draws them', () => {
    const columns = [30, 60, 90, 120, 180, 270, 360, 450];
    expect(columns.map((_, i) => dayColumnLabel(columns, i)).concat(dayColumnLabel(columns, 8))).toEqual([
      '0–30',
      '31–60',
      '61–90',
      '91–120',
      '121–180',
      '181–270',
      '271–360',
      '361–450',
      '450+',
    ]);
    expect([1, 5].map((row) => purchaseRowLabel(5, row))).toEqual(['1', '5+']);
  });
});
