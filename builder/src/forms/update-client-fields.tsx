import { useState } from 'react';
import { readPath } from '../nodes/read-config';
import type { FieldContext } from './field-context';
import { attributesToRows, rowsToAttributes, type AttributeRow } from './update-client-model';
import { RemoveButton, withoutIndex } from './fields';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Set this client field to this value" rows. The rows live here while typed (a row without a field
 * name yet is not saved, two empty rows must not collapse into one); an outside change such as undo
 * or the JSON below replaces them.
 */
function AttributeRows({ f }: { f: FieldContext }) {
  const saved = readPath(f.config, 'setAttributes') ?? {};
  const [typed, setTyped] = useState<AttributeRow[]>(() => attributesToRows(saved));
  const rows = sameJson(rowsToAttributes(typed), saved) ? typed : attributesToRows(saved);
  const change = (next: AttributeRow[]) => {
    setTyped(next);
    f.set(['setAttributes'], rowsToAttributes(next));
  };
  const edit = (index: number, patch: Partial<AttributeRow>) =>
    change(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field attribute-rows" data-testid="set-attributes">
      <legend>{f.t('update.attributes')}</legend>
      {rows.length === 0 && <p className="muted small">{f.t('update.noAttributes')}</p>}
      {rows.map((row, index) => (
        <div className="attribute-row" key={index}>
          <input
            aria-label={f.t('update.field')}
            placeholder={f.t('update.fieldHint')}
            value={row.key}
            onChange={(event) => edit(index, { key: event.target.value })}
          />
          <input
            aria-label={f.t('update.value')}
            placeholder={f.t('update.value')}
            value={row.value}
            onChange={(event) => edit(index, { value: event.target.value })}
          />
          <RemoveButton onClick={() => change(withoutIndex(rows, index))} />
        </div>
      ))}
      <button type="button" onClick={() => change([...rows, { key: '', value: '' }])}>
        + {f.t('update.addField')}
      </button>
    </fieldset>
  );
}

/** Tags as chips: type one and press Enter (or a comma) to add it, × to take it off. */
function TagList({
  f,
  configKey,
  label,
  testId,
}: {
  f: FieldContext;
  configKey: 'addTags' | 'removeTags';
  label: string;
  testId: string;
}) {
  const [draft, setDraft] = useState('');
  const list = readPath(f.config, configKey);
  const tags = Array.isArray(list) ? list.map(String) : [];
  const commit = () => {
    const tag = draft.trim().replace(/,$/, '').trim();
    if (tag && !tags.includes(tag)) f.set([configKey], [...tags, tag]);
    setDraft('');
  };
  return (
    <fieldset className="field" data-testid={testId}>
      <legend>{label}</legend>
      <div className="tag-list">
        {tags.map((tag) => (
          <span className="tag-chip" key={tag}>
            {tag}
            <button
              type="button"
              aria-label={f.t('tags.remove', { tag })}
              onClick={() =>
                f.set(
                  [configKey],
                  tags.filter((item) => item !== tag),
                )
              }
            >
              ×
            </button>
          </span>
        ))}
        <input
          aria-label={label}
          placeholder={f.t('tags.hint')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              commit();
            }
          }}
        />
      </div>
    </fieldset>
  );
}

/** What the step changes on the client: fields to set, tags to add and tags to take off. */
export function UpdateClientFields({ f }: { f: FieldContext }) {
  return (
    <>
      <AttributeRows f={f} />
      <TagList f={f} configKey="addTags" label={f.t('field.addTags')} testId="add-tags" />
      <TagList f={f} configKey="removeTags" label={f.t('field.removeTags')} testId="remove-tags" />
    </>
  );
}
