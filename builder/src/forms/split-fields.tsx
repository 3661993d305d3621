import { readPath } from '../nodes/read-config';
import type { FieldContext } from './field-context';
import { ConditionEditor } from './condition-editor';
import { defaultPredicate } from './condition-model';
import { NumberField, TextField, RemoveButton, withoutIndex } from './fields';

/** One entry of a list config (variants, branches, exits), read loosely. */
export type Item = { id?: unknown; name?: unknown; weight?: unknown };

/** The list at `key` of the config, or none. */
export function listAt(f: FieldContext, key: string): Item[] {
  const list = readPath(f.config, key);
  return Array.isArray(list) ? (list as Item[]) : [];
}

/** The next free item id: `a`, `b`, `c`… for variants; `branch-2`… for branches. */
export function nextId(items: Item[], make: (n: number) => string): string {
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
          <RemoveButton onClick={() => f.set(['variants'], withoutIndex(variants, index))} />
        </div>
      ))}
      <p className={total === 100 ? 'muted' : 'error-text'}>Σ {total}%</p>
      <button type="button" onClick={add}>
        + {f.t('form.add')}
      </button>
    </fieldset>
  );
}

/** Rows of the schema that a branch's condition row path points at: `branches.0.condition.predicates.2…`. */
function invalidRowsOf(f: FieldContext, index: number): Set<number> {
  const pattern = new RegExp(`^branches\\.${index}\\.condition\\.predicates\\.(\\d+)`);
  return new Set(f.issues.flatMap((issue) => pattern.exec(issue.path)?.[1] ?? []).map(Number));
}

/**
 * Branches in order (the first whose condition holds wins; everyone else takes "else"), each with its
 * name and the tests a client must pass to take it.
 */
export function ConditionSplitFields({ f }: { f: FieldContext }) {
  const branches = listAt(f, 'branches') as (Item & { condition?: unknown })[];
  const add = () =>
    f.set(
      ['branches'],
      [
        ...branches,
        {
          id: nextId(branches, (n) => `branch-${n + 1}`),
          condition: { match: 'all', predicates: [defaultPredicate('segment')] },
        },
      ],
    );
  return (
    <fieldset className="field item-list">
      <legend>{f.t('field.branches')}</legend>
      {branches.map((branch, index) => (
        <div className="branch-card" key={`${String(branch.id)}-${index}`} data-testid={`branch-${index}`}>
          <div className="field-row">
            <TextField
              label={f.t('field.branchName', { n: index + 1 })}
              value={String(branch.name ?? '')}
              onChange={(v) => f.set(['branches', index, 'name'], v || undefined)}
            />
            <RemoveButton onClick={() => f.set(['branches'], withoutIndex(branches, index))} />
          </div>
          <span className="small muted">{f.t('cond.title')}</span>
          <ConditionEditor
            value={branch.condition}
            events={f.catalogs.events}
            invalidRows={invalidRowsOf(f, index)}
            onChange={(condition) => f.set(['branches', index, 'condition'], condition)}
          />
        </div>
      ))}
      <p className="muted small">{f.t('cond.elseHint')}</p>
      <button type="button" onClick={add}>
        + {f.t('cond.addBranch')}
      </button>
    </fieldset>
  );
}
