import type { FilterOperator, FilterValue } from '@touchpoint/language';
import type { CatalogItem } from '../api/schemas';
import { useApi } from '../api/use-api';
import { SegmentAudience } from '../audiences/segment-audience';
import { segmentDisplayName } from '../segments/segment-names';
import { segmentsApi } from '../segments/segments-api';
import { useT } from '../i18n/i18n';
import {
  ATTRIBUTE_OPERATORS,
  changePredicateKind,
  defaultPredicate,
  NUMBER_OPERATORS,
  parseList,
  PREDICATE_KINDS,
  readCondition,
  type ConditionDraft,
  type PredicateKind,
} from './condition-model';
import { FilterValueInput } from './event-filters-field';
import './condition-editor.css';
import { RemoveButton, withoutIndex } from './fields';

type Row = Record<string, unknown>;
type RowProps = { row: Row; update: (patch: Row) => void; events: CatalogItem[] };

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
const wholeOrNull = (text: string) => (text.trim() === '' ? undefined : Math.trunc(Number(text)));

/**
 * Who takes a branch, as rows of "what — how — value" joined by all / any. Every row kind and
 * operator comes from the journey language's condition schema, so what the form builds validates.
 */
export function ConditionEditor({
  value,
  onChange,
  invalidRows,
  events,
  testId,
}: {
  value: unknown;
  onChange: (condition: ConditionDraft) => void;
  /** Row indexes the schema found fault with. */
  invalidRows: ReadonlySet<number>;
  events: CatalogItem[];
  testId?: string;
}) {
  const t = useT();
  const condition = readCondition(value);
  const setRows = (predicates: Row[]) => onChange({ ...condition, predicates });
  const update = (index: number, patch: Row) =>
    setRows(condition.predicates.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="condition-editor" data-testid={testId}>
      {condition.predicates.length > 1 && (
        <select
          aria-label={t('cond.match')}
          className="cond-match"
          value={condition.match}
          onChange={(event) => onChange({ ...condition, match: event.target.value as 'all' | 'any' })}
        >
          <option value="all">{t('cond.match.all')}</option>
          <option value="any">{t('cond.match.any')}</option>
        </select>
      )}
      {condition.predicates.map((row, index) => (
        <div key={index} className={invalidRows.has(index) ? 'cond-row invalid' : 'cond-row'}>
          <div className="cond-head">
            <select
              aria-label={t('cond.kind')}
              value={str(row.kind)}
              onChange={(event) =>
                setRows(
                  condition.predicates.map((item, at) =>
                    at === index ? changePredicateKind(item, event.target.value as PredicateKind) : item,
                  ),
                )
              }
            >
              {PREDICATE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`cond.kind.${kind}`)}
                </option>
              ))}
            </select>
            <RemoveButton
              disabled={condition.predicates.length === 1}
              onClick={() => setRows(withoutIndex(condition.predicates, index))}
            />
          </div>
          <PredicateInputs row={row} update={(patch) => update(index, patch)} events={events} />
        </div>
      ))}
      <button
        type="button"
        className="cond-add"
        onClick={() => setRows([...condition.predicates, defaultPredicate('segment')])}
      >
        + {t('cond.add')}
      </button>
    </div>
  );
}

function PredicateInputs({ row, update, events }: RowProps) {
  const kind = row.kind as PredicateKind;
  switch (kind) {
    case 'attribute':
      return <AttributeInputs row={row} update={update} events={events} />;
    case 'tag':
      return <NamedYesNo row={row} update={update} nameKey="tag" flagKey="has" />;
    case 'segment':
      return <NamedYesNo row={row} update={update} nameKey="segment" flagKey="isMember" />;
    case 'engagement':
      return <EngagementInputs row={row} update={update} events={events} />;
    case 'spend':
      return <SpendInputs row={row} update={update} events={events} />;
    case 'checkpointDistance':
      return <CheckpointInputs row={row} update={update} events={events} />;
    default:
      // Hand-written JSON with an unknown kind: the schema error below names it; the kind picker fixes it.
      return null;
  }
}

function AttributeInputs({ row, update }: RowProps) {
  const t = useT();
  const op = (str(row.op) || 'eq') as FilterOperator;
  return (
    <div className="cond-body">
      <input
        aria-label={t('cond.attribute')}
        placeholder={t('cond.attributeHint')}
        value={str(row.attribute)}
        onChange={(event) => update({ attribute: event.target.value })}
      />
      <select
        aria-label={t('goal.operator')}
        value={op}
        onChange={(event) => update({ op: event.target.value })}
      >
        {ATTRIBUTE_OPERATORS.map((item) => (
          <option key={item} value={item}>
            {t(`op.${item}`)}
          </option>
        ))}
      </select>
      <FilterValueInput
        op={op}
        value={row.value as FilterValue | undefined}
        onChange={(value) => update({ value })}
      />
    </div>
  );
}

function NamedYesNo({
  row,
  update,
  nameKey,
  flagKey,
}: {
  row: Row;
  update: (patch: Row) => void;
  nameKey: 'tag' | 'segment';
  flagKey: 'has' | 'isMember';
}) {
  const t = useT();
  return (
    <div className="cond-body">
      <select
        aria-label={t('cond.yesNo')}
        value={row[flagKey] === false ? 'no' : 'yes'}
        onChange={(event) => update({ [flagKey]: event.target.value === 'yes' })}
      >
        <option value="yes">{t(`cond.${nameKey}.yes`)}</option>
        <option value="no">{t(`cond.${nameKey}.no`)}</option>
      </select>
      <input
        aria-label={t(`cond.${nameKey}`)}
        placeholder={t(`cond.${nameKey}Hint`)}
        list={nameKey === 'segment' ? 'cond-segments' : undefined}
        value={str(row[nameKey])}
        onChange={(event) => update({ [nameKey]: event.target.value })}
      />
      {nameKey === 'segment' && <SegmentChoices />}
      {/* How many clients the segment holds now: the marketer sees what the branch will catch. */}
      {nameKey === 'segment' && <SegmentAudience segment={str(row.segment)} />}
    </div>
  );
}

/** Every segment's key, offered while typing the segment of a check. */
function SegmentChoices() {
  const t = useT();
  const [segments] = useApi(() => segmentsApi.listSegments(), 'segments');
  return (
    <datalist id="cond-segments">
      {(segments.status === 'ready' ? segments.data : []).map((segment) => (
        <option key={segment.key} value={segment.key}>
          {segmentDisplayName(segment.key, t, segment.name)}
        </option>
      ))}
    </datalist>
  );
}

function EngagementInputs({ row, update, events }: RowProps) {
  const t = useT();
  const types = Array.isArray(row.eventTypes) ? row.eventTypes.map(String) : [];
  return (
    <div className="cond-body">
      <input
        aria-label={t('cond.events')}
        placeholder="email.opened, sms.clicked"
        list="cond-event-types"
        key={types.join(',')}
        defaultValue={types.join(', ')}
        onBlur={(event) => update({ eventTypes: parseList(event.target.value) })}
      />
      <datalist id="cond-event-types">
        {events.map((item) => (
          <option key={item.id} value={item.id} />
        ))}
      </datalist>
      <label className="cond-number">
        <span>{t('cond.atLeast')}</span>
        <input
          type="number"
          min={1}
          value={numberOr(row.atLeast, 1)}
          onChange={(event) => update({ atLeast: wholeOrNull(event.target.value) })}
        />
      </label>
      <label className="cond-number">
        <span>{t('cond.withinDays')}</span>
        <input
          type="number"
          min={1}
          value={numberOr(row.withinDays, 30)}
          onChange={(event) => update({ withinDays: wholeOrNull(event.target.value) })}
        />
      </label>
    </div>
  );
}

function NumberOperatorSelect({ row, update }: { row: Row; update: (patch: Row) => void }) {
  const t = useT();
  return (
    <select
      aria-label={t('goal.operator')}
      value={str(row.op) || 'gte'}
      onChange={(event) => update({ op: event.target.value })}
    >
      {NUMBER_OPERATORS.map((item) => (
        <option key={item} value={item}>
          {t(`op.${item}`)}
        </option>
      ))}
    </select>
  );
}

function SpendInputs({ row, update }: RowProps) {
  const t = useT();
  return (
    <div className="cond-body">
      <NumberOperatorSelect row={row} update={update} />
      <input
        type="number"
        aria-label={t('cond.amount')}
        value={numberOr(row.value, 0)}
        onChange={(event) => update({ value: Number(event.target.value) })}
      />
      <label className="cond-number">
        <span>{t('cond.spendWindow')}</span>
        <input
          type="number"
          min={1}
          placeholder={t('cond.ever')}
          value={typeof row.withinDays === 'number' ? row.withinDays : ''}
          onChange={(event) => update({ withinDays: wholeOrNull(event.target.value) })}
        />
      </label>
    </div>
  );
}

function CheckpointInputs({ row, update }: RowProps) {
  const t = useT();
  const checkpoint = (row.checkpoint ?? {}) as Row;
  const source = checkpoint.source === 'attribute' ? 'attribute' : 'expectedNextPurchase';
  return (
    <div className="cond-body">
      <label className="cond-number">
        <span>{t('cond.daysSince')}</span>
        <select
          aria-label={t('cond.checkpoint')}
          value={source}
          onChange={(event) =>
            update({
              checkpoint:
                event.target.value === 'attribute'
                  ? { source: 'attribute', attribute: '', movedBy: [] }
                  : { source: 'expectedNextPurchase', movedBy: ['purchase'] },
            })
          }
        >
          <option value="expectedNextPurchase">{t('cond.checkpoint.expectedNextPurchase')}</option>
          <option value="attribute">{t('cond.checkpoint.attribute')}</option>
        </select>
      </label>
      {source === 'attribute' && (
        <input
          aria-label={t('cond.dateField')}
          placeholder={t('cond.dateFieldHint')}
          value={str(checkpoint.attribute)}
          onChange={(event) => update({ checkpoint: { ...checkpoint, attribute: event.target.value } })}
        />
      )}
      <NumberOperatorSelect row={row} update={update} />
      <input
        type="number"
        aria-label={t('cond.days')}
        value={numberOr(row.days, 0)}
        onChange={(event) => update({ days: wholeOrNull(event.target.value) })}
      />
    </div>
  );
}
