import { useT } from '../i18n/i18n';

/** What a heatmap is coloured by. */
export type HeatMeasure = 'clients' | 'revenue';

/** Two buttons, clients or revenue: the figure the cells' shade shows. */
export function MeasureToggle({
  value,
  onChange,
}: {
  value: HeatMeasure;
  onChange: (next: HeatMeasure) => void;
}) {
  const t = useT();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('segments.colourBy')}>
      <span className="muted">{t('segments.colourBy')}</span>
      {(['clients', 'revenue'] as const).map((measure) => (
        <button
          key={measure}
          type="button"
          role="radio"
          aria-checked={value === measure}
          className={value === measure ? 'active' : undefined}
          onClick={() => onChange(measure)}
        >
          {t(`segments.measure.${measure}`)}
        </button>
      ))}
    </div>
  );
}
