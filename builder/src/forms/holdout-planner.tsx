import { useState } from 'react';
import { useLocaleStore, useT } from '../i18n/i18n';
import { formatPercent } from '../report/format-figure';
import { planFromInput } from './holdout-model';
import { PercentField } from './percent-field';

/**
 * The planner beside the holdout (docs/metrics.md, "Planner"): the marketer types the audience they
 * expect and the action's usual rate, and reads the smallest lift the test can detect, and the
 * reverse, how many clients the planned lift needs. The two inputs are planning aids, not settings.
 */
export function HoldoutPlanner({
  sharePercent,
  plannedLiftPercent,
}: {
  sharePercent: number;
  plannedLiftPercent: number;
}) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [audience, setAudience] = useState(10_000);
  const [baseRatePercent, setBaseRatePercent] = useState(5);
  const answer = planFromInput({ sharePercent, audience, baseRatePercent, plannedLiftPercent });
  const count = (value: number) => Math.round(value).toLocaleString(locale);
  return (
    <fieldset className="field holdout-planner" data-testid="holdout-planner">
      <legend>{t('planner.title')}</legend>
      <label className="field">
        <span>{t('planner.audience')}</span>
        <input
          type="number"
          min={1}
          data-testid="planner-audience"
          value={audience}
          onChange={(event) => setAudience(Math.max(0, Math.trunc(Number(event.target.value))))}
        />
      </label>
      <PercentField
        label={t('planner.baseRate')}
        testId="planner-base-rate"
        value={baseRatePercent}
        max={100}
        onChange={setBaseRatePercent}
      />
      <p data-testid="planner-mde">
        {answer.detectableLift === null || answer.detectableRate === null
          ? t('planner.noAnswer')
          : t('planner.mde', {
              lift: formatPercent(answer.detectableLift, locale),
              from: formatPercent(baseRatePercent / 100, locale),
              to: formatPercent(answer.detectableRate, locale),
              audience: count(audience),
            })}
      </p>
      <p data-testid="planner-required">
        {answer.requiredClients === null
          ? t('planner.noAnswer')
          : t('planner.required', {
              lift: formatPercent(plannedLiftPercent / 100, locale),
              clients: count(answer.requiredClients),
              control: count(answer.requiredClients * (sharePercent / 100)),
            })}
      </p>
      {answer.requiredClients !== null && answer.requiredClients > audience && (
        <p className="warning-text small" data-testid="planner-short">
          {t('planner.short')}
        </p>
      )}
    </fieldset>
  );
}
