import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { FunnelTaxonomyResponse, JourneyReport } from '../api/schemas';
import type { JourneyDetail, JourneyVersion } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT, type MessageKey } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { formatPercent } from './format-figure';
import { ReportPickers, TargetPicker, type ReportChoice } from './report-pickers';
import { periodBounds } from './report-period';
import {
  CurveSection,
  FunnelSection,
  NodesSection,
  ProductsSection,
  TimeToConvertSection,
  WeeklySection,
} from './report-sections';
import type { TableContext } from './report-tables';
import { listSteps } from './step-names';
import { UpliftSection } from './uplift/uplift-section';
import './report.css';

interface ReportFrame {
  journey: JourneyDetail;
  versions: JourneyVersion[];
  taxonomy: FunnelTaxonomyResponse;
}

/** The analyst's report of one journey: loads the journey, its versions and the funnel taxonomy. */
export function ReportPage({ journeyId }: { journeyId: string }) {
  const [frame, reload] = useApi(async (): Promise<ReportFrame> => {
    const [journey, versions, taxonomy] = await Promise.all([
      api.getJourney(journeyId),
      api.listVersions(journeyId),
      api.getFunnelTaxonomy(),
    ]);
    return { journey, versions, taxonomy };
  }, `report-frame:${journeyId}`);
  return (
    <div className="report-page">
      <ApiView state={frame} reload={reload}>
        {(loaded) => <LoadedReport {...loaded} />}
      </ApiView>
    </div>
  );
}

function LoadedReport({ journey, versions, taxonomy }: ReportFrame) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [choice, setChoiceState] = useState<ReportChoice>({
    version: null,
    period: { preset: 'all', fromDate: '', toDate: '' },
    attribution: 'last',
  });
  // Presets count back from the moment they were chosen, so one choice is one query.
  const [chosenAt, setChosenAt] = useState(() => Date.now());
  const setChoice = (next: ReportChoice) => {
    setChoiceState(next);
    setChosenAt(Date.now());
  };
  const [target, setTarget] = useState(taxonomy.actions.at(-1)?.action ?? '');
  const query = {
    version: choice.version ?? undefined,
    ...periodBounds(choice.period, chosenAt),
    attribution: choice.attribution,
    target,
  };
  const [report, reload] = useApi(() => api.getReport(journey.id, query), JSON.stringify(query));

  const actionLabel = (action: string) =>
    taxonomy.actions.find((rule) => rule.action === action)?.labels[locale] ?? action;
  // The chosen version names its steps; otherwise the newest version, then the draft.
  const steps = useMemo(() => {
    const newestFirst = [...versions].sort((a, b) => b.number - a.number);
    const chosen = newestFirst.filter((version) => version.number === choice.version);
    return listSteps(
      [...chosen, ...newestFirst].map((version) => version.definition).concat([journey.draft]),
      (kind) => t(`node.${kind}` as MessageKey),
    );
  }, [versions, journey.draft, choice.version, t]);

  return (
    <>
      <div className="page-head">
        <h1>
          {t('report.title')}: {journey.name}
        </h1>
        <a className="button" href={formatRoute({ page: 'editor', journeyId: journey.id })}>
          {t('report.openEditor')}
        </a>
        <a className="button" href={formatRoute({ page: 'funnel' })}>
          {t('report.editTaxonomy')}
        </a>
      </div>
      <ReportPickers
        choice={choice}
        versions={versions.map((version) => version.number).sort((a, b) => a - b)}
        onChange={setChoice}
      />
      <UpliftSection journeyId={journey.id} version={choice.version} steps={steps} />
      <ApiView state={report} reload={reload}>
        {(data) => (
          <ReportBody
            report={data}
            context={{ t, actionLabel, steps }}
            fileStem={`${journey.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'journey'}`}
            targetPicker={
              <TargetPicker
                target={target}
                actions={taxonomy.actions}
                actionLabel={actionLabel}
                onChange={setTarget}
              />
            }
            locale={locale}
          />
        )}
      </ApiView>
    </>
  );
}

function ReportBody({
  report,
  context,
  fileStem,
  targetPicker,
  locale,
}: {
  report: JourneyReport;
  context: TableContext;
  fileStem: string;
  targetPicker: React.ReactNode;
  locale: string;
}) {
  const { t } = context;
  const { totals, engagement } = report;
  const figures: [MessageKey, string, string][] = [
    ['journeys.col.enrolled', totals.enrolled.toLocaleString(locale), 'enrolled'],
    ['report.col.converted', totals.converted.toLocaleString(locale), 'converted'],
    [
      'journeys.col.conversion',
      formatPercent(totals.enrolled ? totals.converted / totals.enrolled : null, locale),
      'conversion',
    ],
    ['report.reached', engagement.reached.toLocaleString(locale), 'reached'],
    ['report.er', formatPercent(engagement.rate, locale), 'er'],
  ];
  const props = { report, context, fileStem };
  return (
    <>
      <dl className="report-figures">
        {figures.map(([label, value, id]) => (
          <div key={id} data-testid={`figure-${id}`}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('report.taxonomyUsed', { version: report.taxonomyVersion })}</p>
      <div className="report-grid">
        <FunnelSection {...props} />
        <WeeklySection {...props} />
        <CurveSection {...props} targetPicker={targetPicker} />
        <TimeToConvertSection {...props} />
      </div>
      <NodesSection {...props} />
      <ProductsSection {...props} />
    </>
  );
}
