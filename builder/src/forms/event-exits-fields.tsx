import type { PropertyFilter } from '@touchpoint/language';
import { useEditor } from '../canvas/editor-context';
import type { StepNode } from '../canvas/convert';
import { readPath } from '../nodes/read-config';
import { EventFiltersField } from './event-filters-field';
import type { FieldContext } from './field-context';
import { TextField, RemoveButton, withoutIndex } from './fields';
import { listAt, nextId } from './split-fields';

/** How an exit's action is tied to an earlier step, as the scope picker offers it. */
type ScopeChoice = { value: string; label: string; scope?: { kind: string; nodeId: string } };

const SCOPE_KINDS = ['messageFromNode', 'callTaskFromNode'] as const;

/** "Any such action" plus, for every send and escalation step, its message and its call task. */
function scopeChoices(f: FieldContext, nodes: readonly StepNode[]): ScopeChoice[] {
  const senders = nodes.filter((node) => node.data.kind === 'send' || node.data.kind === 'escalationLadder');
  return [
    { value: '', label: f.t('scope.any') },
    ...senders.flatMap((node) =>
      SCOPE_KINDS.map((kind) => ({
        value: `${kind}:${node.id}`,
        label: f.t(`scope.${kind}`, { name: node.data.name ?? node.id }),
        scope: { kind, nodeId: node.id },
      })),
    ),
  ];
}

function ScopePicker({ f, index }: { f: FieldContext; index: number }) {
  const nodes = useEditor((state) => state.nodes);
  const choices = scopeChoices(f, nodes);
  const kind = f.text(['exits', index, 'scope', 'kind']);
  const current = kind ? `${kind}:${f.text(['exits', index, 'scope', 'nodeId'])}` : '';
  // A scope to a step that is gone stays visible (and the problem list says why) instead of vanishing.
  if (!choices.some((choice) => choice.value === current)) choices.push({ value: current, label: current });
  return (
    <label className={f.isInvalid(`exits.${index}.scope.nodeId`) ? 'field invalid' : 'field'}>
      <span>{f.t('scope.label')}</span>
      <select
        value={current}
        data-testid={`exit-scope-${index}`}
        onChange={(event) =>
          f.set(
            ['exits', index, 'scope'],
            choices.find((choice) => choice.value === event.target.value)?.scope,
          )
        }
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function ExitFilters({ f, index }: { f: FieldContext; index: number }) {
  const filters = readPath(f.config, `exits.${index}.event.filters`);
  const pattern = new RegExp(`^exits\\.${index}\\.event\\.filters\\.(\\d+)`);
  const invalidRows = new Set(f.issues.flatMap((issue) => pattern.exec(issue.path)?.[1] ?? []).map(Number));
  return (
    <EventFiltersField
      filters={Array.isArray(filters) ? (filters as PropertyFilter[]) : []}
      invalidRows={invalidRows}
      addLabel={f.t('exit.addFilter')}
      onChange={(next) => f.set(['exits', index, 'event', 'filters'], next)}
    />
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
              <RemoveButton onClick={() => f.set(['exits'], withoutIndex(exits, index))} />
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
          <ScopePicker f={f} index={index} />
          <ExitFilters f={f} index={index} />
        </div>
      ))}
      <button type="button" onClick={add}>
        + {f.t('form.add')}
      </button>
    </fieldset>
  );
}
