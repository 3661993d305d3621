import { CHANNEL_KINDS } from '@touchpoint/language';
import type { CatalogItem } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { formatChannel } from '../nodes/read-config';

/** A labelled text input with an optional catalog as suggestions (a picker that still allows typing). */
export function TextField({
  label,
  value,
  onChange,
  options,
  isInvalid,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options?: CatalogItem[];
  isInvalid?: boolean;
  testId?: string;
}) {
  const listId = options ? `list-${label.replace(/\W/g, '')}` : undefined;
  return (
    <label className={isInvalid ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <input
        value={value}
        list={listId}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {options && (
        <datalist id={listId}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </datalist>
      )}
    </label>
  );
}

/** A labelled whole-number input. */
export function NumberField({
  label,
  value,
  onChange,
  isInvalid,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  isInvalid?: boolean;
  testId?: string;
}) {
  return (
    <label className={isInvalid ? 'field invalid' : 'field'}>
      <span>{label}</span>
      <input
        type="number"
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(Math.trunc(Number(event.target.value)))}
      />
    </label>
  );
}

/** A labelled choice from a closed list. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  labelOf = (option) => option,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  /** The option as the marketer reads it; the raw value by default. */
  labelOf?: (option: T) => string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Channels as toggles; the order of ticking is the order of trying. */
export function ChannelPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: unknown;
  onChange: (v: string[]) => void;
}) {
  const t = useT();
  const chosen = Array.isArray(value) ? value.map(String) : [];
  return (
    <fieldset className="field channel-picker">
      <legend>{label}</legend>
      {CHANNEL_KINDS.map((channel) => (
        <label key={channel}>
          <input
            type="checkbox"
            checked={chosen.includes(channel)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, channel] : chosen.filter((c) => c !== channel))
            }
          />
          {formatChannel(channel, t)}
          {chosen.includes(channel) && <sup>{chosen.indexOf(channel) + 1}</sup>}
        </label>
      ))}
    </fieldset>
  );
}

/** The "×" that removes one row of a list; named "Remove" for assistive technology. */
export function RemoveButton({ onClick, disabled }: { onClick: () => void; disabled?: boolean }) {
  const t = useT();
  return (
    <button
      type="button"
      className="remove"
      aria-label={t('form.remove')}
      disabled={disabled}
      onClick={onClick}
    >
      ×
    </button>
  );
}

/** `list` without its item at `index`. */
export function withoutIndex<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}
