import type { JourneyUplift } from '../../api/schemas';
import { useApi } from '../../api/use-api';
import { ApiView } from '../../pages/api-view';
import { formatPercent } from '../format-figure';
import type { Step } from '../step-names';
import { ForestPlot, type ForestRow } from './forest-plot';
import { formatInterval, formatPValue } from './format-uplift';
import { loadUpliftByStep } from './load-uplift';
import { UpliftVerdict } from './uplift-verdict';
import { useUpliftWords } from './use-uplift-words';

/**
 * The report page's uplift against the journey's control group: the journey's verdict and figures,
 * the forest plot of the goal's uplift by stratum, the strata's sizes (the balance), and each step's
 * uplift. Until the planner's audience has entered, every figure says "not enough data yet".
 */
export function UpliftSection({
  journeyId,
  version,
  steps,
}: {
  journeyId: string;
  version: number | null;
  steps: Step[];
}) {
  const words = useUpliftWords();
  const stepIds = steps.map((step) => step.id);
  const [state, reload] = useApi(
    () => loadUpliftByStep(journeyId, version ?? undefined, stepIds),
    `uplift:${journeyId}:${version ?? 'all'}:${stepIds.join(',')}`,
  );
  return (
    <section className="report-section report-uplift" data-testid="section-uplift">
      <div className="report-section-head">
        <h2>{words.t('uplift.title')}</h2>
      </div>
      <p className="muted">{words.t('uplift.hint')}</p>
      <ApiView state={state} reload={reload}>
        {({ journey, steps: bySteps }) =>
          journey.holdout === null && journey.controlClients === 0 ? (
            <p data-testid="uplift-none">{words.t('uplift.noHoldout')}</p>
          ) : (
            <>
              <JourneyFigures answer={journey} />
              {journey.enoughData && <StrataPlot answer={journey} />}
              <StrataTable answer={journey} />
              <StepsTable steps={steps} answers={bySteps} />
            </>
          )
        }
      </ApiView>
    </section>
  );
}

function JourneyFigures({ answer }: { answer: JourneyUplift }) {
  const words = useUpliftWords();
  const { t } = words;
  const rate = (value: number) => formatPercent(value, words.locale);
  const figures: [string, string, string][] = [
    ['treated', t('uplift.treatedClients'), words.count(answer.treatedClients)],
    ['control', t('uplift.controlClients'), words.count(answer.controlClients)],
  ];
  if (answer.enoughData) {
    const { goal, revenuePerClient: revenue } = answer;
    figures.push(
      ['rates', t('uplift.rates'), `${rate(goal.treated)} / ${rate(goal.control)}`],
      [
        'goal',
        t('uplift.goal'),
        `${words.points(goal.absolute)} ${formatInterval(goal.absoluteInterval, words.points)}`,
      ],
      ['relative', t('uplift.relative'), words.percent(goal.relative)],
      ['p', t('uplift.pValue'), formatPValue(goal.pValue, words.locale)],
      [
        'revenue',
        t('uplift.revenuePerClient'),
        `${words.money(revenue.absolute)} ${formatInterval(revenue.absoluteInterval, words.money)}`,
      ],
      [
        'balance',
        t('uplift.balance'),
        t('uplift.balanceValue', {
          difference: words.money(answer.pastSpendBalance.absolute),
          p: formatPValue(answer.pastSpendBalance.pValue, words.locale),
        }),
      ],
    );
  }
  return (
    <>
      <p>
        <UpliftVerdict answer={answer} testId="uplift-verdict" />
      </p>
      <dl className="report-figures">
        {figures.map(([id, label, value]) => (
          <div key={id} data-testid={`uplift-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function StrataPlot({ answer }: { answer: JourneyUplift }) {
  const words = useUpliftWords();
  const rows: ForestRow[] = [
    ...answer.strata.map((s) => ({
      id: s.stratum,
      label: words.stratum(s.stratum),
      estimate: s.goal.absolute,
      interval: s.goal.absoluteInterval,
      clients: s.treatedClients + s.controlClients,
    })),
    {
      id: 'overall',
      label: words.t('uplift.overall'),
      estimate: answer.goal.absolute,
      interval: answer.goal.absoluteInterval,
      clients: answer.treatedClients + answer.controlClients,
      isOverall: true,
    },
  ];
  return (
    <>
      <h3>{words.t('uplift.forestTitle')}</h3>
      <ForestPlot
        rows={rows}
        title={words.t('uplift.forestTitle')}
        testId="uplift-forest"
        format={words.points}
      />
    </>
  );
}

function StrataTable({ answer }: { answer: JourneyUplift }) {
  const words = useUpliftWords();
  const { t } = words;
  return (
    <div className="report-table-wrap">
      <table className="report-table" data-testid="table-uplift-strata">
        <thead>
          <tr>
            <th>{t('uplift.col.stratum')}</th>
            <th>{t('uplift.col.treated')}</th>
            <th>{t('uplift.col.control')}</th>
            <th>{t('uplift.col.heldOutShare')}</th>
            <th>{t('uplift.col.goal')}</th>
          </tr>
        </thead>
        <tbody>
          {answer.strata.map((s) => (
            <tr key={s.stratum}>
              <td>{words.stratum(s.stratum)}</td>
              <td className="figure">{words.count(s.treatedClients)}</td>
              <td className="figure">{words.count(s.controlClients)}</td>
              <td className="figure">{formatPercent(s.heldOutShare, words.locale)}</td>
              <td className="figure">
                {answer.enoughData
                  ? `${words.points(s.goal.absolute)} ${formatInterval(s.goal.absoluteInterval, words.points)}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StepsTable({ steps, answers }: { steps: Step[]; answers: Record<string, JourneyUplift> }) {
  const words = useUpliftWords();
  const { t } = words;
  const shown = steps.filter((step) => answers[step.id]);
  if (shown.length === 0) return null;
  return (
    <>
      <h3>{t('uplift.stepsTitle')}</h3>
      <div className="report-table-wrap">
        <table className="report-table" data-testid="table-uplift-steps">
          <thead>
            <tr>
              <th>{t('report.col.step')}</th>
              <th>{t('uplift.col.treated')}</th>
              <th>{t('uplift.col.control')}</th>
              <th>{t('uplift.col.goal')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((step) => {
              const answer = answers[step.id]!;
              return (
                <tr key={step.id} data-step={step.id}>
                  <td>{step.name}</td>
                  <td className="figure">{words.count(answer.treatedClients)}</td>
                  <td className="figure">{words.count(answer.controlClients)}</td>
                  <td>
                    <UpliftVerdict answer={answer} testId={`uplift-step-${step.id}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
