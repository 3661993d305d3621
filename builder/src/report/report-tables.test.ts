import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import { JourneyReport } from '../api/schemas';
import { toCsv } from './csv';
import { formatCell, formatDuration, formatPercent } from './format-figure';
import { buildReportTable, type TableContext } from './report-tables';
import { listSteps } from './step-names';

const times = { conversions: 0, medianSeconds: null, p75Seconds: null, p90Seconds: null };
const REPORT = JourneyReport.parse({
  journeyId: 'j1',
  version: null,
  node: null,
  from: null,
  to: null,
  attribution: 'last',
  taxonomyVersion: 1,
  totals: { enrolled: 10, active: 2, converted: 3, failed: 0, holdout: 0 },
  engagement: {
    reached: 8,
    engaged: 5,
    rate: 0.625,
    deepest: [
      { action: 'open', clients: 3 },
      { action: 'click', clients: 2 },
    ],
  },
  weekly: [{ week: '2026-11-30T00:00:00.000Z', reached: 8, engaged: 5, rate: 0.625 }],
  curve: { target: 'click', clients: 2, points: [{ day: 0, clients: 2, share: 1 }], day80: 0 },
  nodes: {
    gone: { reached: 1, sent: 0, delivered: 0, actions: [], converted: 0, medianSecondsToConvert: null },
    offer: {
      reached: 9,
      sent: 8,
      delivered: 8,
      actions: [
        { action: 'open', count: 4, rate: 0.5 },
        { action: 'click', count: 2, rate: 0.25 },
      ],
      converted: 3,
      medianSecondsToConvert: 2 * 86_400,
    },
  },
  timeToConvert: {
    fromEntry: {
      conversions: 3,
      medianSeconds: 90_000,
      p75Seconds: 100_000,
      p90Seconds: 200_000,
      histogram: [{ fromDay: 0, toDay: 1, conversions: 3 }],
    },
    fromNode: { offer: { ...times, conversions: 3, medianSeconds: 3_600 } },
  },
  products: {
    sameProduct: { lines: 2, purchases: 2, revenue: 1800 },
    sameCategory: { lines: 1, purchases: 1, revenue: 1200 },
    otherProduct: { lines: 3, purchases: 3, revenue: 180 },
    noOffer: { lines: 0, purchases: 0, revenue: 0 },
  },
  source: {
    servedFrom: 'rollups',
    rawReason: null,
    pendingClients: 0,
    oldestPendingAt: null,
    taxonomyVersion: 1,
    isReady: true,
    isBaseReady: true,
  },
});

const context = (locale: 'en' | 'ru'): TableContext => ({
  t: (key, values) => translate(locale, key, values),
  actionLabel: (action) => ({ open: 'Open', click: 'Click' })[action] ?? action,
  steps: listSteps(
    [
      {
        nodes: [
          { id: 'entry', kind: 'entry' },
          { id: 'offer', kind: 'send', name: 'Sofa offer' },
        ],
      },
    ],
    (kind) => kind,
  ),
});

describe('report tables', () => {
  it('writes the funnel with reached, each deepest action and ER', () => {
    const table = buildReportTable('funnel', REPORT, context('en'));
    expect(table.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ['Clients reached', 8, 1],
      ['Open', 3, 3 / 8],
      ['Click', 2, 2 / 8],
      ['Engaged (ER)', 5, 0.625],
    ]);
  });

  it('names steps by their names in drawing order, ids of steps no longer drawn after them', () => {
    const table = buildReportTable('nodes', REPORT, context('en'));
    expect(table.rows.map((row) => row[0]!.value)).toEqual(['Sofa offer', 'gone']);
    expect(table.columns).toEqual([
      'Step',
      'Clients reached',
      'Sent',
      'Delivered',
      'Open',
      'Open %',
      'Click',
      'Click %',
      'Converted',
      'Median time to convert',
    ]);
    expect(table.rows[0]!.map((cell) => cell.value)).toEqual([
      'Sofa offer',
      9,
      8,
      8,
      4,
      0.5,
      2,
      0.25,
      3,
      172_800,
    ]);
    expect(table.rows[1]!.map((cell) => cell.value)).toEqual(['gone', 1, 0, 0, 0, null, 0, null, 0, null]);
  });

  it('exports a table as CSV with raw values and headers in the interface language', () => {
    const table = buildReportTable('products', REPORT, context('ru'));
    const csv = toCsv(
      table.columns,
      table.rows.map((row) => row.map((cell) => cell.value)),
    );
    expect(csv.split('\r\n')[0]).toBe('Совпадение,Строки,Покупки,Выручка');
    expect(csv).toContain('Тот же товар,2,2,1800');
  });

  it('lists time to convert from entry, then from each step measured', () => {
    const table = buildReportTable('timeToConvert', REPORT, context('en'));
    expect(table.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ['Entry', 3, 90_000, 100_000, 200_000],
      ['Sofa offer', 3, 3_600, null, null],
    ]);
  });
});

describe('figures as shown', () => {
  const units = { days: 'd', hours: 'h', minutes: 'min' };
  it('shows shares with one decimal and nothing-to-divide as a dash', () => {
    expect(formatPercent(0.625, 'en')).toBe('62.5%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
  it('shows durations in days, hours or minutes', () => {
    expect(formatDuration(90_000, 'en', units)).toBe('1 d');
    expect(formatDuration(129_600, 'en', units)).toBe('1.5 d');
    expect(formatDuration(5_400, 'en', units)).toBe('1.5 h');
    expect(formatDuration(90, 'en', units)).toBe('1.5 min');
  });
  it('shows a week by its Monday and money with cents', () => {
    expect(formatCell({ value: '2026-11-30T00:00:00.000Z', format: 'week' }, 'en', units)).toBe('2026-11-30');
    expect(formatCell({ value: 1800, format: 'money' }, 'en', units)).toBe('1,800.00');
  });
});
