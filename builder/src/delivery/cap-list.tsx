import { useT } from '../i18n/i18n';
import { emptyCap, WINDOW_UNITS, type CapRow } from './delivery-model';

/**
 * The caps of one scope (all channels, or one channel) as sentences: "At most [1] messages per [1]
 * [days]". `field` is the path prefix the server's issues use (`overallCaps`, `channelCaps.sms`).
 */
export function CapList({
  label,
  field,
  rows,
  errors,
  onChange,
}: {
  label: string;
  field: string;
  rows: CapRow[];
  errors: ReadonlyMap<string, string>;
  onChange: (rows: CapRow[]) => void;
}) {
  const t = useT();
  const update = (key: string, patch: Partial<CapRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <div className="cap-list" data-testid={`caps-${field}`}>
      <div className="cap-list-label">{label}</div>
      <div className="cap-list-rows">
        {rows.length === 0 && <span className="muted">{t('delivery.caps.none')}</span>}
        {rows.map((row, index) => {
          const path = `${field}.${index}`;
          const maxError = errors.get(`${path}.max`);
          const windowError = errors.get(`${path}.windowHours`);
          const error = [errors.get(path), maxError, windowError].filter(Boolean).join('; ');
          return (
            <div key={row.key} className={error ? 'cap-row has-error' : 'cap-row'}>
              <span>{t('delivery.caps.atMost')}</span>
              <input
                className="narrow"
                inputMode="numeric"
                aria-label={`${label}: ${t('delivery.caps.atMost')}`}
                data-field={`${path}.max`}
                aria-invalid={maxError !== undefined}
                value={row.max}
                onChange={(event) => update(row.key, { max: event.target.value })}
              />
              <span>{t('delivery.caps.messagesPer')}</span>
              <input
                className="narrow"
                inputMode="numeric"
                aria-label={`${label}: ${t('delivery.caps.messagesPer')}`}
                data-field={`${path}.windowHours`}
                aria-invalid={windowError !== undefined}
                value={row.amount}
                onChange={(event) => update(row.key, { amount: event.target.value })}
              />
              <select
                aria-label={`${label}: ${t('delivery.unit.days')} / ${t('delivery.unit.hours')}`}
                value={row.unit}
                onChange={(event) =>
                  update(row.key, {
                    unit: WINDOW_UNITS.find((unit) => unit === event.target.value) ?? 'days',
                  })
                }
              >
                {WINDOW_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`delivery.unit.${unit}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="link-button"
                title={t('delivery.caps.remove')}
                aria-label={`${label}: ${t('delivery.caps.remove')}`}
                onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
              >
                ✕
              </button>
              {error && <span className="field-error">{error}</span>}
            </div>
          );
        })}
        <button
          type="button"
          className="link-button"
          aria-label={`${label}: ${t('delivery.caps.add')}`}
          onClick={() => onChange([...rows, emptyCap()])}
        >
          + {t('delivery.caps.add')}
        </button>
      </div>
    </div>
  );
}
