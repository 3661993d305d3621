import {
  LIFECYCLE_STAGES,
  SEGMENT_ATTRIBUTE_OPS,
  SEGMENT_COMPARISONS,
  SEGMENT_FACTS,
} from '@touchpoint/language';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../i18n/i18n';
import {
  appendRuleAt,
  issuePathOf,
  newRule,
  removeRuleAt,
  RULE_KINDS,
  ruleAt,
  setRuleAt,
  type RuleKind,
  type RuleNode,
  type RulePath,
} from './rule-tree';

// The rule language's closed sets, from their one home.
const FACTS = SEGMENT_FACTS;
const COMPARISONS = SEGMENT_COMPARISONS;
const ATTRIBUTE_OPS = SEGMENT_ATTRIBUTE_OPS;
const STAGES = LIFECYCLE_STAGES;

/** The server's issues by path, and the editor's way to change the rule. */
interface RuleContext {
  root: RuleNode;
  onChange: (next: RuleNode) => void;
  issues: ReadonlyMap<string, string>;
  segmentKeys: readonly string[];
}

/** The rule builder: groups (all of / any of / not) holding conditions, edited in place. */
export function RuleEditor(props: RuleContext) {
  return (
    <div className="rule-editor" data-testid="rule-editor">
      <RuleNodeView context={props} path={[]} />
    </div>
  );
}

function FieldError({ context, path, field }: { context: RuleContext; path: RulePath; field?: string }) {
  const message = context.issues.get(issuePathOf(path, field));
  if (!message) return null;
  return (
    <span className="field-error" role="alert">
      {message}
    </span>
  );
}

function RuleNodeView({ context, path }: { context: RuleContext; path: RulePath }) {
  const t = useT();
  const node = ruleAt(context.root, path) as RuleNode;
  const set = (field: string, value: unknown) =>
    context.onChange(setRuleAt(context.root, [...path, field], value));
  const isChild = typeof path.at(-1) === 'number';
  const remove = isChild ? (
    <button
      type="button"
      className="rule-remove"
      aria-label={t('segments.rule.remove')}
      title={t('segments.rule.remove')}
      onClick={() => context.onChange(removeRuleAt(context.root, path))}
    >
      ×
    </button>
  ) : null;
  if (node.kind === 'and' || node.kind === 'or') {
    const rules = (node.rules as unknown[]) ?? [];
    return (
      <fieldset className={`rule-group rule-${node.kind}`} data-path={path.join('.')}>
        <legend>
          <select
            value={node.kind}
            aria-label={t('segments.rule.groupKind')}
            onChange={(event) =>
              context.onChange(setRuleAt(context.root, [...path, 'kind'], event.target.value))
            }
          >
            <option value="and">{t('segments.rule.and')}</option>
            <option value="or">{t('segments.rule.or')}</option>
          </select>
          {remove}
        </legend>
        {rules.map((_, index) => (
          <RuleNodeView key={index} context={context} path={[...path, 'rules', index]} />
        ))}
        <AddRule onAdd={(kind) => context.onChange(appendRuleAt(context.root, path, newRule(kind)))} />
        <FieldError context={context} path={path} field="rules" />
      </fieldset>
    );
  }
  if (node.kind === 'not') {
    return (
      <fieldset className="rule-group rule-not" data-path={path.join('.')}>
        <legend>
          {t('segments.rule.not')}
          {remove}
        </legend>
        <RuleNodeView context={context} path={[...path, 'rule']} />
      </fieldset>
    );
  }
  return (
    <div className="rule-leaf" data-path={path.join('.')} data-kind={node.kind}>
      <span className="rule-kind">{t(`segments.rule.kind.${node.kind}` as MessageKey)}</span>
      <LeafFields node={node} set={set} context={context} path={path} />
      {remove}
      <FieldError context={context} path={path} />
    </div>
  );
}

function AddRule({ onAdd }: { onAdd: (kind: RuleKind) => void }) {
  const t = useT();
  return (
    <select
      className="rule-add"
      value=""
      aria-label={t('segments.rule.add')}
      data-testid="rule-add"
      onChange={(event) => {
        if (event.target.value) onAdd(event.target.value as RuleKind);
      }}
    >
      <option value="">{t('segments.rule.add')}</option>
      {RULE_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(`segments.rule.kind.${kind}` as MessageKey)}
        </option>
      ))}
    </select>
  );
}

/** A labelled control with its server error under it. */
function Field({
  label,
  context,
  path,
  field,
  children,
}: {
  label: string;
  context: RuleContext;
  path: RulePath;
  field: string;
  children: ReactNode;
}) {
  const hasError = context.issues.has(issuePathOf(path, field));
  return (
    <label className={`rule-field${hasError ? ' has-error' : ''}`} data-field={field}>
      <span className="rule-field-label">{label}</span>
      {children}
      <FieldError context={context} path={path} field={field} />
    </label>
  );
}

/** A number typed by hand: kept as typed until it parses, so "1." or "" can be on the way to a number. */
const toNumber = (text: string): number | string =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

function LeafFields({
  node,
  set,
  context,
  path,
}: {
  node: RuleNode;
  set: (field: string, value: unknown) => void;
  context: RuleContext;
  path: RulePath;
}) {
  const t = useT();
  const field = (name: string, label: MessageKey, control: ReactNode) => (
    <Field key={name} label={t(label)} context={context} path={path} field={name}>
      {control}
    </Field>
  );
  const text = (name: string) => (
    <input value={String(node[name] ?? '')} onChange={(event) => set(name, event.target.value)} />
  );
  const number = (name: string) => (
    <input
      inputMode="decimal"
      className="rule-number"
      value={String(node[name] ?? '')}
      onChange={(event) => set(name, toNumber(event.target.value))}
    />
  );
  const yesNo = (name: string, yes: MessageKey, no: MessageKey) => (
    <select value={String(node[name] ?? true)} onChange={(event) => set(name, event.target.value === 'true')}>
      <option value="true">{t(yes)}</option>
      <option value="false">{t(no)}</option>
    </select>
  );
  const comparison = (ops: readonly string[]) => (
    <select value={String(node.op)} onChange={(event) => set('op', event.target.value)}>
      {ops.map((op) => (
        <option key={op} value={op}>
          {t(`segments.rule.op.${op}` as MessageKey)}
        </option>
      ))}
    </select>
  );
  switch (node.kind) {
    case 'fact':
      return (
        <>
          {field(
            'fact',
            'segments.rule.fact',
            <select value={String(node.fact)} onChange={(event) => set('fact', event.target.value)}>
              {FACTS.map((fact) => (
                <option key={fact} value={fact}>
                  {t(`segments.rule.factName.${fact}` as MessageKey)}
                </option>
              ))}
            </select>,
          )}
          {field('op', 'segments.rule.compare', comparison(COMPARISONS))}
          {field('value', 'segments.rule.value', number('value'))}
        </>
      );
    case 'overdue':
      return field(
        'is',
        'segments.rule.is',
        yesNo('is', 'segments.rule.overdueYes', 'segments.rule.overdueNo'),
      );
    case 'rfmCell':
      return field(
        'in',
        'segments.rule.cells',
        <input
          value={((node.in as string[]) ?? []).join(', ')}
          placeholder="R3F3M3, R3F2M3"
          onChange={(event) => set('in', splitList(event.target.value))}
        />,
      );
    case 'lifecycleStage':
      return field(
        'in',
        'segments.rule.stages',
        <span className="rule-checks">
          {STAGES.map((stage) => {
            const chosen = (node.in as string[]) ?? [];
            return (
              <label key={stage}>
                <input
                  type="checkbox"
                  checked={chosen.includes(stage)}
                  onChange={(event) =>
                    set('in', event.target.checked ? [...chosen, stage] : chosen.filter((s) => s !== stage))
                  }
                />
                {t(`segments.stage.${stage}` as MessageKey)}
              </label>
            );
          })}
        </span>,
      );
    case 'attribute':
      return (
        <>
          {field('key', 'segments.rule.attribute', text('key'))}
          {field('op', 'segments.rule.compare', comparison(ATTRIBUTE_OPS))}
          {node.op !== 'exists' &&
            field(
              'value',
              'segments.rule.value',
              <input
                value={Array.isArray(node.value) ? node.value.join(', ') : String(node.value ?? '')}
                onChange={(event) => {
                  const raw = event.target.value;
                  if (node.op === 'in') set('value', splitList(raw));
                  else if (['lt', 'lte', 'gt', 'gte'].includes(String(node.op))) set('value', toNumber(raw));
                  else set('value', raw);
                }}
              />,
            )}
        </>
      );
    case 'tag':
      return (
        <>
          {field('has', 'segments.rule.is', yesNo('has', 'segments.rule.hasTag', 'segments.rule.hasNotTag'))}
          {field('tag', 'segments.rule.tag', text('tag'))}
        </>
      );
    case 'event':
      return (
        <>
          {field(
            'performed',
            'segments.rule.is',
            yesNo('performed', 'segments.rule.did', 'segments.rule.didNot'),
          )}
          {field('type', 'segments.rule.eventType', text('type'))}
          {field('minCount', 'segments.rule.minCount', number('minCount'))}
          {field('withinDays', 'segments.rule.withinDays', number('withinDays'))}
        </>
      );
    case 'segment':
      return (
        <>
          {field(
            'isMember',
            'segments.rule.is',
            yesNo('isMember', 'segments.rule.member', 'segments.rule.notMember'),
          )}
          {field(
            'segment',
            'segments.rule.segment',
            <select value={String(node.segment)} onChange={(event) => set('segment', event.target.value)}>
              {[...new Set([String(node.segment), ...context.segmentKeys])].map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>,
          )}
        </>
      );
    default:
      return null;
  }
}
