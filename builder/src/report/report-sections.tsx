import type { ReactNode } from 'react';
import type { JourneyReport } from '../api/schemas';
import { useLocaleStore, useT, type MessageKey } from '../i18n/i18n';
import { BarChart } from './charts/bar-chart';
import { LineChart } from './charts/line-chart';
import { formatPercent } from './format-figure';
import { buildReportTable, type ReportTableId, type TableContext } from './report-tables';
import { CsvButton, ReportTableView } from './report-table-view';

interface SectionProps {
  report: JourneyReport;
  context: TableContext;
  fileStem: string;
}

/** A titled block: its chart, its table (folded away when it is long), and the table's CSV. */
function Section({
  id,
  title,
  hint,
  chart,
  isTableFolded = false,
  props,
}: {
  id: ReportTableId;
  title: MessageKey;
  hint?: ReactNode;
  chart?: ReactNode;
  isTableFolded?: boolean;
  props: SectionProps;
}) {
  const t = useT();
  const table = buildReportTable(id, props.report, props.context);
  return (
    <section className={`report-section report-${id}`} data-testid={`section-${id}`}>
      <div className="report-section-head">
        <h2>{t(title)}</h2>
        <CsvButton table={table} fileStem={props.fileStem} />
      </div>
      {hint && <p className="muted">{hint}</p>}
      {chart}
      {isTableFolded ? (
        <details>
          <summary>{t('report.showTable')}</summary>
          <ReportTableView table={table} />
        </details>
      ) : (
        <ReportTableView table={table} />
      )}
    </section>
  );
}

export function FunnelSection(props: SectionProps) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const { reached, deepest } = props.report.engagement;
  const bars = deepest.map((level) => ({
    label: props.context.actionLabel(level.action),
    value: level.clients,
    caption: `${level.clients.toLocaleString(locale)} · ${formatPercent(reached ? level.clients / reached : null, locale)}`,
  }));
  return (
    <Section
      id="funnel"
      title="report.funnel"
      hint={t('report.funnelHint')}
      chart={<BarChart bars={bars} title={t('report.funnel')} testId="chart-funnel" />}
      props={props}
    />
  );
}

export function WeeklySection(props: SectionProps) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const weeks = props.report.weekly;
  const points = weeks.map((week, index) => ({ x: index, y: week.rate }));
  const chart =
    weeks.length === 0 ? (
      <p className="empty">{t('report.noData')}</p>
    ) : (
      <LineChart
        points={points}
        title={t('report.weekly')}
        testId="chart-weekly"
        formatX={(x) => weeks[Math.round(x)]?.week.slice(5, 10) ?? ''}
        formatY={(y) => formatPercent(y, locale)}
        isCategorical
      />
    );
  return (
    <Section
      id="weekly"
      title="report.weekly"
      hint={t('report.weeklyHint')}
      chart={chart}
      isTableFolded
      props={props}
    />
  );
}

export function CurveSection(props: SectionProps & { targetPicker: ReactNode }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const { curve } = props.report;
  const action = props.context.actionLabel(curve.target);
  const hint =
    curve.day80 === null
      ? t('report.curveNone', { action })
      : t('report.curveDay80', { action, day: curve.day80, clients: curve.clients });
  const chart =
    curve.points.length === 0 ? null : (
      <LineChart
        points={curve.points.map((point) => ({ x: point.day, y: point.share }))}
        title={t('report.curve')}
        testId="chart-curve"
        formatX={(x) => String(x)}
        formatY={(y) => formatPercent(y, locale)}
        marker={
          curve.day80 === null ? null : { x: curve.day80, label: t('report.day80', { day: curve.day80 }) }
        }
        isStep
      />
    );
  return (
    <Section
      id="curve"
      title="report.curve"
      hint={
        <>
          {props.targetPicker} <span data-testid="curve-day80">{hint}</span>
        </>
      }
      chart={chart}
      isTableFolded
      props={props}
    />
  );
}

export function TimeToConvertSection(props: SectionProps) {
  const t = useT();
  const { histogram } = props.report.timeToConvert.fromEntry;
  const bars = histogram.map((bin) => ({
    label: bin.toDay === null ? `${bin.fromDay}+` : `${bin.fromDay}–${bin.toDay}`,
    value: bin.conversions,
    caption: String(bin.conversions),
  }));
  return (
    <>
      <Section
        id="timeToConvert"
        title="report.timeToConvert"
        hint={t('report.timeToConvertHint')}
        props={props}
      />
      <Section
        id="histogram"
        title="report.histogram"
        chart={<BarChart bars={bars} title={t('report.histogram')} testId="chart-histogram" />}
        isTableFolded
        props={props}
      />
    </>
  );
}

export function NodesSection(props: SectionProps) {
  const t = useT();
  return <Section id="nodes" title="report.nodes" hint={t('report.nodesHint')} props={props} />;
}

export function ProductsSection(props: SectionProps) {
  const t = useT();
  return <Section id="products" title="report.products" hint={t('report.productsHint')} props={props} />;
}
