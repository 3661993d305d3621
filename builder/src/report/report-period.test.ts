import { describe, expect, it } from 'vitest';
import { periodBounds } from './report-period';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');

describe('periodBounds', () => {
  it('leaves all time open', () => {
    expect(periodBounds({ preset: 'all', fromDate: '', toDate: '' }, NOW)).toEqual({});
  });
  it('starts a preset at the UTC midnight that many days before today', () => {
    expect(periodBounds({ preset: '7d', fromDate: '', toDate: '' }, NOW)).toEqual({
      from: '2026-11-25T00:00:00.000Z',
    });
    expect(
      periodBounds({ preset: '30d', fromDate: '', toDate: '' }, Date.parse('2026-12-02T00:00:00Z')),
    ).toEqual({
      from: '2026-11-02T00:00:00.000Z',
    });
  });
  it('includes the last day of a custom period', () => {
    expect(periodBounds({ preset: 'custom', fromDate: '2026-11-01', toDate: '2026-11-30' }, NOW)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(periodBounds({ preset: 'custom', fromDate: '', toDate: '2026-11-30' }, NOW)).toEqual({
      to: '2026-12-01T00:00:00.000Z',
    });
  });
});
