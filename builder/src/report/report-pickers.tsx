import { ATTRIBUTION_MODES, type AttributionMode, type FunnelActionRule } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { PERIOD_PRESETS, type Period, type PeriodPreset } from './report-period';

/** What the analyst has chosen: version (null: every version), period, attribution rule. */
export interface ReportChoice {
  version: number | null;
  period: Period;
  attribution: AttributionMode;
}

/** Version, period and attribution pickers above the report. */
export function ReportPickers({
  choice,
  versions,
  onChange,
}: {
  choice: ReportChoice;
  versions: number[];
  onChange: (choice: ReportChoice) => void;
}) {
  const t = useT();
  const setPeriod = (patch: Partial<Period>) =>
    onChange({ ...choice, period: { ...choice.period, ...patch } });
  return (
    <div className="report-pickers">
      <label>
        {t('stats.version')}{' '}
        <select
          data-testid="pick-version"
          value={choice.version ?? ''}
          onChange={(event) =>
            onChange({ ...choice, version: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">{t('report.allVersions')}</option>
          {versions.map((number) => (
            <option key={number} value={number}>
              v{number}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('stats.period')}{' '}
        <select
          data-testid="pick-period"
          value={choice.period.preset}
          onChange={(event) => setPeriod({ preset: event.target.value as PeriodPreset })}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`report.period.${preset}`)}
            </option>
          ))}
        </select>
      </label>
      {choice.period.preset === 'custom' && (
        <>
          <label>
            {t('report.fromDate')}{' '}
            <input
              type="date"
              value={choice.period.fromDate}
              onChange={(event) => setPeriod({ fromDate: event.target.value })}
            />
          </label>
          <label>
            {t('report.toDate')}{' '}
            <input
              type="date"
              value={choice.period.toDate}
              onChange={(event) => setPeriod({ toDate: event.target.value })}
            />
          </label>
        </>
      )}
      <label title={t('report.attributionHint')}>
        {t('report.attribution')}{' '}
        <select
          data-testid="pick-attribution"
          value={choice.attribution}
          onChange={(event) => onChange({ ...choice, attribution: event.target.value as AttributionMode })}
        >
          {ATTRIBUTION_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`report.attribution.${mode}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Which action the cumulative curve follows (default: the taxonomy's deepest). */
export function TargetPicker({
  target,
  actions,
  actionLabel,
  onChange,
}: {
  target: string;
  actions: FunnelActionRule[];
  actionLabel: (action: string) => string;
  onChange: (target: string) => void;
}) {
  const t = useT();
  return (
    <label>
      {t('report.target')}{' '}
      <select data-testid="pick-target" value={target} onChange={(event) => onChange(event.target.value)}>
        {actions.map((rule) => (
          <option key={rule.action} value={rule.action}>
            {actionLabel(rule.action)}
          </option>
        ))}
      </select>
    </label>
  );
}
