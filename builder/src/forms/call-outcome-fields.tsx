import { CALL_OUTCOMES, DEFAULT_CALL_TIMEOUT, DURATION_UNITS } from '@touchpoint/language';
import { readPath } from '../nodes/read-config';
import { useT } from '../i18n/i18n';
import { NumberField, SelectField } from './fields';

type Wait = { timeout?: { amount?: unknown; unit?: unknown }; exits?: unknown };

/**
 * How a step that calls waits for the operator's outcome: for how long, and which outcomes get an
 * exit of their own (any other outcome, or none in time, goes on as before). A send chooses whether
 * to wait; a ladder rung that calls always waits, so `alwaysWaits` hides the switch.
 */
export function CallOutcomeFields({
  value,
  channels,
  alwaysWaits,
  onChange,
}: {
  value: unknown;
  channels: unknown;
  alwaysWaits: boolean;
  onChange: (next: unknown) => void;
}) {
  const t = useT();
  if (!Array.isArray(channels) || !channels.includes('call')) return null;
  const wait = (value ?? null) as Wait | null;
  const isWaiting = alwaysWaits || wait !== null;
  const current = { timeout: wait?.timeout ?? DEFAULT_CALL_TIMEOUT, exits: wait?.exits ?? [] };
  const exits = Array.isArray(current.exits) ? current.exits.map(String) : [];
  const unit = String(readPath(current, 'timeout.unit') ?? 'days') as (typeof DURATION_UNITS)[number];
  return (
    <fieldset className="field call-outcome-fields" data-testid="call-outcome">
      <legend>{t('field.callOutcome')}</legend>
      {!alwaysWaits && (
        <label>
          <input
            type="checkbox"
            checked={isWaiting}
            onChange={(event) => onChange(event.target.checked ? current : undefined)}
          />
          {t('field.callOutcome.wait')}
        </label>
      )}
      {isWaiting && (
        <>
          <div className="field-row">
            <NumberField
              label={t('field.callOutcome.timeout')}
              testId="call-timeout"
              value={Number(readPath(current, 'timeout.amount') ?? 0)}
              onChange={(amount) => onChange({ ...current, timeout: { unit, amount } })}
            />
            <SelectField
              label={t('field.unit')}
              value={unit}
              options={DURATION_UNITS}
              labelOf={(option) => t(`option.${option}`)}
              onChange={(next) => onChange({ ...current, timeout: { ...current.timeout, unit: next } })}
            />
          </div>
          <p className="field-hint">{t('field.callOutcome.exits')}</p>
          {CALL_OUTCOMES.map((outcome) => (
            <label key={outcome}>
              <input
                type="checkbox"
                checked={exits.includes(outcome)}
                onChange={(event) =>
                  onChange({
                    ...current,
                    exits: event.target.checked ? [...exits, outcome] : exits.filter((e) => e !== outcome),
                  })
                }
              />
              {t(`operator.outcome.${outcome}`)}
            </label>
          ))}
        </>
      )}
    </fieldset>
  );
}
