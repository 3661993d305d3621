import { readPath } from '../nodes/read-config';
import type { FieldContext } from './field-context';
import { NumberField, TextField } from './fields';

type Item = { id?: unknown; name?: unknown; weight?: unknown };

function listAt(f: FieldContext, key: string): Item[] {
  const list = readPath(f.config, key);
  return Array.isArray(list) ? (list as Item[]) : [];
}

/** The next free item id: `a`, `b`, `c`… for variants; `branch-2`… for branches. */
function nextId(items: Item[], make: (n: number) => string): string {
  const taken = new Set(items.map((item) => String(item.id)));
  for (let n = 0; ; n += 1) if (!taken.has(make(n))) return make(n);
}

/** Variants with their shares; the sum is shown so 100 % is easy to hit. */
export function RandomSplitFields({ f }: { f: FieldContext }) {
  const variants = listAt(f, 'variants');
  const total = variants.reduce((sum, variant) => sum + Number(variant.weight ?? 0), 0);
  const add = () =>
    f.set(
      ['variants'],
      [
        ...variants,
        { id: nextId(variants, (n) => String.fromCharCode(97 + (n % 26)) + (n >= 26 ? n : '')), weight: 0 },
      ],
    );
  return (
    <fieldset className="field item-list">
      <legend>{f.t('field.variants')}</legend>
      {variants.map((variant, index) => (
        <div className="field-row" key={`${String(variant.id)}-${index}`}>
          <TextField
            label={f.t('field.variantName', { id: String(variant.id ?? '').toUpperCase() })}
            value={String(variant.name ?? '')}
            onChange={(v) => f.set(['variants', index, 'name'], v || undefined)}
          />
          <NumberField
            label="%"
            value={Number(variant.weight ?? 0)}
            onChange={(v) => f.set(['variants', index, 'weight'], v)}
            isInvalid={total !== 100}
          />
          <button
            type="button"
            className="remove"
            onClick={() =>
              f.set(
                ['variants'],
                variants.filter((_, at) => at !== index),
              )
            }
          >
            ×
          </button>
        </div>
      ))}
      <p className={total === 100 ? 'muted' : 'error-text'}>Σ {total}%</p>
      <button type="button" onClick={add}>
        + {f.t('form.add')}
      </button>
    </fieldset>
  );
}

/**
 * Branches in order (the first whose condition holds wins; everyone else takes "else"). Names are
 * edited here, each branch's condition in the JSON below — conditions have six predicate kinds.
 */
export function ConditionSplitFields({ f }: { f: FieldContext }) {
  const branches = listAt(f, 'branches');
  const add = () =>
    f.set(
      ['branches'],
      [
        ...branches,
        {
          id: nextId(branches, (n) => `branch-${n + 1}`),
          condition: { match: 'all', predicates: [{ kind: 'segment', segment: '', isMember: true }] },
        },
      ],
    );
  return (
    <fieldset className="field item-list">
      <legend>{f.t('field.branches')}</legend>
      {branches.map((branch, index) => (
        <div className="field-row" key={`${String(branch.id)}-${index}`}>
          <TextField
            label={f.t('field.branchName', { n: index + 1 })}
            value={String(branch.name ?? '')}
            onChange={(v) => f.set(['branches', index, 'name'], v || undefined)}
          />
          <button
            type="button"
            className="remove"
            onClick={() =>
              f.set(
                ['branches'],
                branches.filter((_, at) => at !== index),
              )
            }
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={add}>
        + {f.t('form.add')}
      </button>
    </fieldset>
  );
}

/** The actions a wait listens for, each its own exit (first match wins); the timeout is the last exit. */
export function EventExitsFields({ f }: { f: FieldContext }) {
  const exits = listAt(f, 'exits');
  const add = () =>
    f.set(
      ['exits'],
      [...exits, { id: nextId(exits, (n) => `exit-${n + 1}`), event: { type: '', filters: [] } }],
    );
  return (
    <fieldset className="field item-list">
      <legend>{f.t('field.exits')}</legend>
      {exits.map((exit, index) => (
        <div className="exit-card" key={`${String(exit.id)}-${index}`}>
          <div className="field-row">
            <TextField
              label={f.t('field.exitName', { n: index + 1 })}
              value={String(exit.name ?? '')}
              onChange={(v) => f.set(['exits', index, 'name'], v || undefined)}
            />
            {exits.length > 1 && (
              <button
                type="button"
                className="remove"
                aria-label={f.t('form.remove')}
                onClick={() =>
                  f.set(
                    ['exits'],
                    exits.filter((_, at) => at !== index),
                  )
                }
              >
                ×
              </button>
            )}
          </div>
          <TextField
            label={f.t('field.eventType')}
            value={f.text(['exits', index, 'event', 'type'])}
            options={f.catalogs.events}
            testId={`exit-event-${index}`}
            onChange={(v) => f.set(['exits', index, 'event', 'type'], v)}
            isInvalid={f.isInvalid(`exits.${index}.event.type`)}
          />
        </div>
      ))}
      <button type="button" onClick={add}>
        + {f.t('form.add')}
      </button>
    </fieldset>
  );
}

const splitTags = (value: string) =>
  value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/** Tags to add and remove, comma separated; attributes to set are edited as JSON. */
export function UpdateClientFields({ f }: { f: FieldContext }) {
  const join = (key: string) => {
    const list = readPath(f.config, key);
    return Array.isArray(list) ? list.join(', ') : '';
  };
  return (
    <>
      <TextField
        label={f.t('field.addTags')}
        value={join('addTags')}
        onChange={(v) => f.set(['addTags'], splitTags(v))}
      />
      <TextField
        label={f.t('field.removeTags')}
        value={join('removeTags')}
        onChange={(v) => f.set(['removeTags'], splitTags(v))}
      />
    </>
  );
}
