import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { canvasToDraft } from '../canvas/convert';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { ScriptEditor } from './script-editor';
import { SimulationError } from './simulation-error';
import { TestPathResultView } from './test-path-result';
import { EMPTY_FORM, isOffset, testPathBody, type TestPathForm } from './test-path-script';

/**
 * "Test a path": the marketer picks what to run and who, scripts what the client does, and runs it
 * on the server's simulated clock. The answer lights the path up on the canvas (the store's
 * `testPath`) and is listed here step by step. The draft is saved first: the server runs what it has.
 */
export function TestPathPanel({
  journeyId,
  name,
  onClose,
}: {
  journeyId: string;
  name: string;
  onClose: () => void;
}) {
  const t = useT();
  const store = useEditorStore();
  const result = useEditor((state) => state.testPath);
  const [versions] = useApi(() => api.listVersions(journeyId), journeyId);
  const [form, setForm] = useState<TestPathForm>(EMPTY_FORM);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = (patch: Partial<TestPathForm>) => setForm((current) => ({ ...current, ...patch }));
  const isValid =
    isOffset(form.horizon) &&
    form.rows.every((row) => row.type.trim() === '' || isOffset(row.at)) &&
    (form.who === 'madeUp' || form.clientId.trim() !== '');

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      if (form.version === 'draft') await api.saveDraft(journeyId, name, canvasToDraft(store.getState()));
      store.getState().setTestPath(await api.testPath(journeyId, testPathBody(form)));
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };
  const close = () => {
    store.getState().setTestPath(null);
    onClose();
  };

  return (
    <div className="test-path-panel" data-testid="test-path-panel">
      <h2>{t('testPath.title')}</h2>
      <p className="muted">{t('testPath.intro')}</p>
      <label>
        {t('testPath.version')}
        <select
          value={String(form.version)}
          onChange={(event) =>
            change({ version: event.target.value === 'draft' ? 'draft' : Number(event.target.value) })
          }
        >
          <option value="draft">{t('testPath.draft')}</option>
          {versions.status === 'ready' &&
            versions.data.map((version) => (
              <option key={version.number} value={version.number}>
                {t('testPath.versionN', { number: version.number })}
              </option>
            ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('testPath.who')}</legend>
        <label className="inline">
          <input type="radio" checked={form.who === 'madeUp'} onChange={() => change({ who: 'madeUp' })} />{' '}
          {t('testPath.madeUp')}
        </label>
        <label className="inline">
          <input type="radio" checked={form.who === 'real'} onChange={() => change({ who: 'real' })} />{' '}
          {t('testPath.real')}
        </label>
        {form.who === 'real' ? (
          <label>
            {t('testPath.clientId')}
            <input value={form.clientId} onChange={(event) => change({ clientId: event.target.value })} />
          </label>
        ) : (
          <>
            <label>
              {t('testPath.firstName')}
              <input value={form.firstName} onChange={(event) => change({ firstName: event.target.value })} />
            </label>
            <label>
              {t('testPath.timeZone')}
              <input
                value={form.timeZone}
                placeholder="Europe/Moscow"
                onChange={(event) => change({ timeZone: event.target.value })}
              />
            </label>
            <label>
              {t('testPath.expectedNext')}
              <input
                value={form.expectedNext}
                title={t('testPath.offsetHint')}
                onChange={(event) => change({ expectedNext: event.target.value })}
              />
            </label>
          </>
        )}
      </fieldset>
      <ScriptEditor rows={form.rows} onChange={(rows) => change({ rows })} />
      <label>
        {t('testPath.horizon')}
        <input
          value={form.horizon}
          aria-invalid={!isOffset(form.horizon)}
          title={t('testPath.offsetHint')}
          onChange={(event) => change({ horizon: event.target.value })}
        />
      </label>
      <div className="test-path-actions">
        <button type="button" className="primary" disabled={running || !isValid} onClick={() => void run()}>
          {t('testPath.run')}
        </button>
        {result && (
          <button type="button" onClick={() => store.getState().setTestPath(null)}>
            {t('testPath.clear')}
          </button>
        )}
        <button type="button" onClick={close}>
          {t('common.close')}
        </button>
      </div>
      {running && (
        <p className="muted" role="status">
          {t('testPath.running')}
        </p>
      )}
      {error !== null && (
        <SimulationError
          error={error}
          asked={[form.version]}
          versions={versions.status === 'ready' ? versions.data : []}
          wrap={(text) => t('testPath.failed', { message: text })}
        />
      )}
      {result && !running && <TestPathResultView result={result} />}
    </div>
  );
}
