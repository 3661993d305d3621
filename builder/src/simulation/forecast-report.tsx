import type { ChannelKind } from '@touchpoint/language';
import { useMemo } from 'react';
import type { ForecastJob, ForecastResult } from '../api/schemas';
import { useEditor } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { DailyBars } from './daily-bars';
import { daysOverCapacity, enteredSteps } from './forecast-form';
import { drawnNodes, nameSimulatedStep } from './name-simulated-step';
import { StepBars } from './step-bars';

const CHANNEL_COLORS: Record<ChannelKind, string> = {
  email: '#3b6fd8',
  sms: '#12b76a',
  call: '#f79009',
  webhook: '#7a5af8',
};

/** One version's charts: arrivals per step, sends per channel per day, call tasks against capacity. */
function ForecastColumn({ result, capacity }: { result: ForecastResult; capacity: number | null }) {
  const t = useT();
  const canvasNodes = useEditor((state) => state.nodes);
  const nodes = useMemo(() => drawnNodes(canvasNodes), [canvasNodes]);
  const version =
    result.version === 'draft' ? t('forecast.draft') : t('forecast.versionN', { number: result.version });
  const channels = (Object.keys(CHANNEL_COLORS) as ChannelKind[]).filter((channel) =>
    result.days.some((day) => (day.sends[channel] ?? 0) > 0),
  );
  const over = daysOverCapacity(result, capacity);
  const testId = `forecast-${result.version}`;
  return (
    <section className="forecast-column" data-testid={testId}>
      <h3>{t('forecast.resultTitle', { version, clients: result.clients, days: result.horizonDays })}</h3>
      <p className="muted" data-testid={`${testId}-summary`}>
        {t('forecast.summary', {
          enrolled: result.enrolled,
          converted: result.converted,
          seconds: (result.elapsedMs / 1000).toFixed(1),
        })}
      </p>
      {result.failed.length > 0 && (
        <ul className="form-issues" role="alert" data-testid={`${testId}-failed`}>
          {result.failed.map((failure) => (
            <li key={failure.reason}>
              ⚠ {t('forecast.failedRuns', { count: failure.enrollments, reason: failure.reason })}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('forecast.steps')}</h4>
      <StepBars
        title={t('forecast.steps')}
        testId={`${testId}-steps`}
        steps={enteredSteps(result).map((step) => ({
          ...step,
          label: nameSimulatedStep(
            nodes,
            step.id,
            step.part ? `${step.label} · ${t(`forecast.part.${step.part}`)}` : step.label,
            t,
          ),
        }))}
      />
      <h4>{t('forecast.sends')}</h4>
      <DailyBars
        title={t('forecast.sends')}
        testId={`${testId}-sends`}
        series={channels.map((channel) => ({
          name: channel,
          color: CHANNEL_COLORS[channel],
          values: result.days.map((day) => day.sends[channel] ?? 0),
        }))}
      />
      <h4>{t('forecast.calls')}</h4>
      <DailyBars
        title={t('forecast.calls')}
        testId={`${testId}-calls`}
        series={[
          { name: 'call', color: CHANNEL_COLORS.call, values: result.days.map((day) => day.callTasks) },
        ]}
        limit={capacity}
        limitLabel={t('forecast.capacityLine', { capacity: capacity ?? 0 })}
      />
      {over > 0 && (
        <p className="error-text" data-testid={`${testId}-over`}>
          {t('forecast.overCapacity', { days: over })}
        </p>
      )}
      <h4>{t('forecast.conversions')}</h4>
      <DailyBars
        title={t('forecast.conversions')}
        testId={`${testId}-conversions`}
        series={[
          { name: 'conversions', color: '#1b5e20', values: result.days.map((day) => day.conversions) },
        ]}
      />
    </section>
  );
}

/** A finished forecast under the canvas: one column per version, side by side when two were run. */
export function ForecastReport({ job }: { job: ForecastJob }) {
  if (job.status !== 'completed') return null;
  return (
    <div className="forecast-report" data-testid="forecast-report">
      {job.results.map((result) => (
        <ForecastColumn key={String(result.version)} result={result} capacity={job.callCapacityPerDay} />
      ))}
    </div>
  );
}
