import { useEditor } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { isOffset, SUGGESTED_EVENT_TYPES, type ScriptRow } from './test-path-script';

/** The script: one row per thing the client does, when, and which step's message it answers. */
export function ScriptEditor({
  rows,
  onChange,
}: {
  rows: ScriptRow[];
  onChange: (rows: ScriptRow[]) => void;
}) {
  const t = useT();
  const steps = useEditor((state) => state.nodes);
  const update = (index: number, patch: Partial<ScriptRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="test-path-script">
      <legend>{t('testPath.script')}</legend>
      <datalist id="test-path-event-types">
        {SUGGESTED_EVENT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        <div className="script-row" key={index} data-testid={`script-row-${index}`}>
          <input
            aria-label={t('testPath.at')}
            className="script-at"
            value={row.at}
            aria-invalid={!isOffset(row.at)}
            title={isOffset(row.at) ? t('testPath.offsetHint') : t('testPath.badOffset')}
            onChange={(event) => update(index, { at: event.target.value })}
          />
          <input
            aria-label={t('testPath.event')}
            list="test-path-event-types"
            value={row.type}
            onChange={(event) => update(index, { type: event.target.value })}
          />
          <select
            aria-label={t('testPath.step')}
            value={row.step}
            onChange={(event) => update(index, { step: event.target.value })}
          >
            <option value="">{t('testPath.noStep')}</option>
            {steps
              .filter((step) => step.data.kind === 'send' || step.data.kind === 'escalationLadder')
              .map((step) => (
                <option key={step.id} value={step.id}>
                  {step.data.name ?? t(`node.${step.data.kind}`)}
                </option>
              ))}
          </select>
          <button
            type="button"
            aria-label={t('testPath.removeEvent')}
            title={t('testPath.removeEvent')}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { at: '+1d', type: '', step: '' }])}>
        {t('testPath.addEvent')}
      </button>
    </fieldset>
  );
}
