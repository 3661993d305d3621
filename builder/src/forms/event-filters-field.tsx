import { useState } from 'react';
import {
  FILTER_OPERATORS,
  type FilterOperator,
  type FilterValue,
  type PropertyFilter,
} from '@touchpoint/language';
import { useT } from '../i18n/i18n';
import { formatFilterValue, parseFilterValue } from './filter-value';
import { RemoveButton, withoutIndex } from './fields';

/**
 * Conditions on the event's properties ("total ≥ 100"), all of which must hold. Each row is a
 * property, a comparison in words and a value; "is present" needs no value.
 */
export function EventFiltersField({
  filters,
  onChange,
  invalidRows,
  addLabel,
}: {
  filters: PropertyFilter[];
  onChange: (filters: PropertyFilter[]) => void;
  /** Row indexes the schema found fault with. */
  invalidRows: ReadonlySet<number>;
  /** The add button's text when "Add a condition" would be ambiguous next to other add buttons. */
  addLabel?: string;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<PropertyFilter>) =>
    onChange(filters.map((filter, at) => (at === index ? { ...filter, ...patch } : filter)));
  const setOp = (index: number, filter: PropertyFilter, op: FilterOperator) =>
    update(index, { op, value: parseFilterValue(op, formatFilterValue(filter.value)) });
  return (
    <fieldset className="field event-filters">
      <legend>{t('goal.filters')}</legend>
      {filters.length === 0 && <p className="muted small">{t('goal.noFilters')}</p>}
      {filters.map((filter, index) => (
        <div key={index} className={invalidRows.has(index) ? 'filter-row invalid' : 'filter-row'}>
          <input
            aria-label={t('goal.property')}
            placeholder={t('goal.property')}
            value={filter.property}
            onChange={(event) => update(index, { property: event.target.value })}
          />
          <select
            aria-label={t('goal.operator')}
            value={filter.op}
            onChange={(event) => setOp(index, filter, event.target.value as FilterOperator)}
          >
            {FILTER_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {t(`op.${op}`)}
              </option>
            ))}
          </select>
          <FilterValueInput
            op={filter.op}
            value={filter.value}
            onChange={(value) => update(index, { value })}
          />
          <RemoveButton onClick={() => onChange(withoutIndex(filters, index))} />
        </div>
      ))}
      <button type="button" onClick={() => onChange([...filters, { property: '', op: 'eq', value: '' }])}>
        + {addLabel ?? t('goal.addFilter')}
      </button>
    </fieldset>
  );
}

const sameValue = (a: FilterValue | undefined, b: FilterValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The value as typed: the text stays as the marketer writes it ("1." on the way to "1.5", a
 * trailing comma in a list) while the parsed value is stored; an outside change (undo) resets it.
 */
export function FilterValueInput({
  op,
  value,
  onChange,
}: {
  op: FilterOperator;
  value: FilterValue | undefined;
  onChange: (value: FilterValue | undefined) => void;
}) {
  const t = useT();
  const [text, setText] = useState(() => formatFilterValue(value));
  const shown = sameValue(parseFilterValue(op, text), value) ? text : formatFilterValue(value);
  return (
    <input
      aria-label={t('goal.value')}
      placeholder={op === 'in' ? t('goal.valueList') : t('goal.value')}
      disabled={op === 'exists'}
      value={op === 'exists' ? '' : shown}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseFilterValue(op, event.target.value));
      }}
    />
  );
}
