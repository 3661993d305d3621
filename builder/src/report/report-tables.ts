import type { MessageKey } from '../i18n/i18n';
import { PRODUCT_MATCHES, type ConversionTimes, type JourneyReport } from '../api/schemas';
import type { CsvValue } from './csv';
import type { Step } from './step-names';

/** How a cell is shown; its CSV keeps the raw value (rates as fractions, durations in seconds). */
export type CellFormat = 'text' | 'count' | 'percent' | 'duration' | 'money' | 'week';
export interface Cell {
  value: CsvValue;
  format: CellFormat;
}
/** The tables of the report page, each exported as its own CSV. */
export const REPORT_TABLES = [
  'funnel',
  'weekly',
  'curve',
  'timeToConvert',
  'histogram',
  'nodes',
  'products',
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];

export interface ReportTable {
  id: ReportTableId;
  columns: string[];
  rows: Cell[][];
}

/** What the tables need besides the report: texts in the interface language and the steps drawn. */
export interface TableContext {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  actionLabel: (action: string) => string;
  /** Steps in the order the journey draws them; ids the report has beyond them follow. */
  steps: Step[];
}

const text = (value: string): Cell => ({ value, format: 'text' });
const count = (value: number): Cell => ({ value, format: 'count' });
const percent = (value: number | null): Cell => ({ value, format: 'percent' });
const duration = (value: number | null): Cell => ({ value, format: 'duration' });
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function funnelTable(report: JourneyReport, { t, actionLabel }: TableContext): ReportTable {
  const { reached, engaged, rate, deepest } = report.engagement;
  return {
    id: 'funnel',
    columns: [t('report.col.level'), t('report.col.clients'), t('report.col.shareOfReached')],
    rows: [
      [text(t('report.reached')), count(reached), percent(share(reached, reached))],
      ...deepest.map((level) => [
        text(actionLabel(level.action)),
        count(level.clients),
        percent(share(level.clients, reached)),
      ]),
      [text(t('report.engagedEr')), count(engaged), percent(rate)],
    ],
  };
}

const weeklyTable = (report: JourneyReport, { t }: TableContext): ReportTable => ({
  id: 'weekly',
  columns: [t('report.col.week'), t('report.reached'), t('report.engaged'), t('report.col.er')],
  rows: report.weekly.map((week) => [
    { value: week.week, format: 'week' },
    count(week.reached),
    count(week.engaged),
    percent(week.rate),
  ]),
});

const curveTable = (report: JourneyReport, { t }: TableContext): ReportTable => ({
  id: 'curve',
  columns: [t('report.col.day'), t('report.col.clients'), t('report.col.cumulativeShare')],
  rows: report.curve.points.map((point) => [count(point.day), count(point.clients), percent(point.share)]),
});

const quantileRow = (from: string, times: ConversionTimes): Cell[] => [
  text(from),
  count(times.conversions),
  duration(times.medianSeconds),
  duration(times.p75Seconds),
  duration(times.p90Seconds),
];

/** Steps in drawing order, then any the report names that the shown definition lacks. */
export function orderedSteps(steps: Step[], ids: string[]): Step[] {
  const known = new Set(steps.map((step) => step.id));
  return [...steps, ...ids.filter((id) => !known.has(id)).map((id) => ({ id, name: id }))];
}

function timeToConvertTable(report: JourneyReport, { t, steps }: TableContext): ReportTable {
  const { fromEntry, fromNode } = report.timeToConvert;
  const measured = orderedSteps(steps, Object.keys(fromNode)).filter((step) => fromNode[step.id]);
  return {
    id: 'timeToConvert',
    columns: [
      t('report.col.from'),
      t('report.col.conversions'),
      t('report.col.median'),
      t('report.col.p75'),
      t('report.col.p90'),
    ],
    rows: [
      quantileRow(t('report.fromEntry'), fromEntry),
      ...measured.map((step) => quantileRow(step.name, fromNode[step.id]!)),
    ],
  };
}

const histogramTable = (report: JourneyReport, { t }: TableContext): ReportTable => ({
  id: 'histogram',
  columns: [t('report.col.fromDay'), t('report.col.toDay'), t('report.col.conversions')],
  rows: report.timeToConvert.fromEntry.histogram.map((bin) => [
    count(bin.fromDay),
    { value: bin.toDay, format: 'count' },
    count(bin.conversions),
  ]),
});

function nodesTable(report: JourneyReport, { t, actionLabel, steps }: TableContext): ReportTable {
  const actions = report.engagement.deepest.map((level) => level.action);
  const shown = orderedSteps(steps, Object.keys(report.nodes)).filter((step) => report.nodes[step.id]);
  return {
    id: 'nodes',
    columns: [
      t('report.col.step'),
      t('report.reached'),
      t('report.col.sent'),
      t('report.col.delivered'),
      ...actions.flatMap((action) => [actionLabel(action), `${actionLabel(action)} %`]),
      t('report.col.converted'),
      t('report.col.median'),
    ],
    rows: shown.map((step) => {
      const node = report.nodes[step.id]!;
      const byAction = new Map(node.actions.map((level) => [level.action, level]));
      return [
        text(step.name),
        count(node.reached),
        count(node.sent),
        count(node.delivered),
        ...actions.flatMap((action) => [
          count(byAction.get(action)?.count ?? 0),
          percent(byAction.get(action)?.rate ?? null),
        ]),
        count(node.converted),
        duration(node.medianSecondsToConvert),
      ];
    }),
  };
}

const productsTable = (report: JourneyReport, { t }: TableContext): ReportTable => ({
  id: 'products',
  columns: [t('report.col.match'), t('report.col.lines'), t('report.col.purchases'), t('report.col.revenue')],
  rows: PRODUCT_MATCHES.map((match) => {
    const figures = report.products[match];
    return [
      text(t(`report.match.${match}`)),
      count(figures.lines),
      count(figures.purchases),
      { value: figures.revenue, format: 'money' },
    ];
  }),
});

const BUILDERS: Record<ReportTableId, (report: JourneyReport, context: TableContext) => ReportTable> = {
  funnel: funnelTable,
  weekly: weeklyTable,
  curve: curveTable,
  timeToConvert: timeToConvertTable,
  histogram: histogramTable,
  nodes: nodesTable,
  products: productsTable,
};

/** One table of the report as the page shows it and its CSV carries it. */
export function buildReportTable(
  id: ReportTableId,
  report: JourneyReport,
  context: TableContext,
): ReportTable {
  return BUILDERS[id](report, context);
}
