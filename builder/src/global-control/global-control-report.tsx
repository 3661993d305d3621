import type { GlobalControlReport } from '../api/schemas';
import { formatRoute } from '../app/routes';
import { BarChart } from '../report/charts/bar-chart';
import { formatPercent } from '../report/format-figure';
import { ForestPlot } from '../report/uplift/forest-plot';
import { formatInterval, formatPValue } from '../report/uplift/format-uplift';
import { useUpliftWords } from '../report/uplift/use-uplift-words';

/**
 * All marketing's incremental revenue against the global control group: the headline figure with its
 * 95 % interval, revenue per client of both arms drawn side by side, the uplift drawn against zero,
 * and the journeys whose enrollments make it up (transactional ones marked exempt).
 */
export function GlobalControlReportView({ report }: { report: GlobalControlReport }) {
  const words = useUpliftWords();
  const { t, locale } = words;
  const plain = (value: number) =>
    value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const revenue = report.revenuePerClient;
  const figures: [string, string, string][] = [
    ['treated', t('global.treatedClients'), words.count(report.treatedClients)],
    ['control', t('global.controlClients'), words.count(report.controlClients)],
    ['revenueTreated', t('global.revenueTreated'), plain(revenue.treated)],
    ['revenueControl', t('global.revenueControl'), plain(revenue.control)],
  ];
  if (report.enoughData) {
    figures.push(
      [
        'incremental',
        t('global.incremental'),
        `${words.money(report.incrementalRevenue)} ${formatInterval(report.incrementalRevenueInterval, words.money)}`,
      ],
      ['relative', t('uplift.relative'), words.percent(revenue.relative)],
      ['p', t('uplift.pValue'), formatPValue(revenue.pValue, locale)],
      [
        'buyers',
        t('global.buyers'),
        `${words.points(report.buyers.absolute)} ${formatInterval(report.buyers.absoluteInterval, words.points)}`,
      ],
    );
  }
  const entered = report.treatedClients + report.controlClients;
  return (
    <section className="report-section" data-testid="global-report">
      <div className="report-section-head">
        <h2>{t('global.reportTitle')}</h2>
      </div>
      <p className="muted">{t('global.reportHint', { days: report.revenueDays })}</p>
      {!report.enoughData && (
        <p className="uplift-verdict not-enough" data-testid="global-not-enough">
          {report.requiredClients === null
            ? t('uplift.notEnoughNoRate', { entered: words.count(entered) })
            : t('uplift.notEnough', {
                entered: words.count(entered),
                required: words.count(Math.ceil(report.requiredClients)),
              })}
        </p>
      )}
      <dl className="report-figures">
        {figures.map(([id, label, value]) => (
          <div key={id} data-testid={`global-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="report-grid">
        <div>
          <h3>{t('global.chartArms')}</h3>
          <BarChart
            title={t('global.chartArms')}
            testId="global-arms-chart"
            bars={[
              { label: t('global.arm.treated'), value: revenue.treated, caption: plain(revenue.treated) },
              { label: t('global.arm.control'), value: revenue.control, caption: plain(revenue.control) },
            ]}
          />
        </div>
        {report.enoughData && (
          <div>
            <h3>{t('global.chartUplift')}</h3>
            <ForestPlot
              title={t('global.chartUplift')}
              testId="global-uplift-chart"
              format={words.money}
              rows={[
                {
                  id: 'revenue',
                  label: t('global.perClient'),
                  estimate: revenue.absolute,
                  interval: revenue.absoluteInterval,
                  clients: entered,
                  isOverall: true,
                },
              ]}
            />
          </div>
        )}
      </div>
      <JourneysTable report={report} />
      <p className="muted small">{t('global.shareNow', { share: formatPercent(report.share, locale) })}</p>
    </section>
  );
}

function JourneysTable({ report }: { report: GlobalControlReport }) {
  const words = useUpliftWords();
  const { t } = words;
  if (report.journeys.length === 0) return <p className="muted">{t('global.noJourneys')}</p>;
  return (
    <div className="report-table-wrap">
      <table className="report-table" data-testid="table-global-journeys">
        <thead>
          <tr>
            <th>{t('global.col.journey')}</th>
            <th>{t('global.col.purpose')}</th>
            <th>{t('global.col.treated')}</th>
            <th>{t('global.col.heldOut')}</th>
          </tr>
        </thead>
        <tbody>
          {report.journeys.map((journey) => (
            <tr key={journey.journeyId}>
              <td>
                <a href={formatRoute({ page: 'report', journeyId: journey.journeyId })}>{journey.name}</a>
              </td>
              <td>
                {journey.purpose === 'transactional'
                  ? t('global.purpose.transactional')
                  : t('global.purpose.promotional')}
              </td>
              <td className="figure">{words.count(journey.treatedEnrollments)}</td>
              <td className="figure">{words.count(journey.globalControlEnrollments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
