import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { ForecastJob } from '../api/schemas';
import { useApi } from '../api/use-api';
import { canvasToDraft } from '../canvas/convert';
import { useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { segmentsApi } from '../segments/segments-api';
import { EMPTY_FORECAST_FORM, forecastBody, isForecastFormValid, type ForecastForm } from './forecast-form';
import { ForecastSettings } from './forecast-settings';
import { SimulationError } from './simulation-error';

/** How often a running forecast's progress is read. */
const POLL_MS = 500;

/**
 * "Forecast": the marketer picks what to run (and, for a live journey, what to set beside it), over
 * whom, for how long and how the clients behave, and runs it on the server's simulated clock. The
 * server answers a job at once; its progress is read until it ends, and each reading goes to
 * `onJob`, which draws the report under the canvas. The draft is saved first: the server runs what it has.
 */
export function ForecastPanel({
  journeyId,
  name,
  liveVersion,
  onJob,
  onClose,
}: {
  journeyId: string;
  name: string;
  liveVersion: number | null;
  onJob: (job: ForecastJob | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const store = useEditorStore();
  const [versions] = useApi(() => api.listVersions(journeyId), journeyId);
  const [segments] = useApi(() => segmentsApi.listSegments(), 'segments');
  // A live journey is forecast as it runs, beside the draft that would replace it: the dry run of a change.
  const [form, setForm] = useState<ForecastForm>(
    liveVersion === null
      ? EMPTY_FORECAST_FORM
      : { ...EMPTY_FORECAST_FORM, version: liveVersion, compareWith: 'draft' },
  );
  const [job, setJob] = useState<ForecastJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Set on every mount (StrictMode mounts twice), cleared when the panel closes: polling stops then.
  const isMounted = useRef(false);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);
  const isRunning = job?.status === 'running';

  const show = (next: ForecastJob) => {
    if (!isMounted.current) return;
    setJob(next);
    onJob(next);
  };
  const run = async () => {
    setError(null);
    try {
      if (form.version === 'draft' || form.compareWith === 'draft')
        await api.saveDraft(journeyId, name, canvasToDraft(store.getState()));
      let current = await api.startForecast(journeyId, forecastBody(form));
      show(current);
      while (current.status === 'running' && isMounted.current) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        current = await api.getForecast(current.id);
        show(current);
      }
    } catch (failure) {
      setJob(null);
      setError(failure);
    }
  };
  const close = () => {
    onJob(null);
    onClose();
  };

  return (
    <div className="test-path-panel forecast-panel" data-testid="forecast-panel">
      <h2>{t('forecast.title')}</h2>
      <p className="muted">{t('forecast.intro')}</p>
      <ForecastSettings
        form={form}
        onChange={(patch) => setForm((current) => ({ ...current, ...patch }))}
        versions={versions.status === 'ready' ? versions.data.map((version) => version.number) : []}
        segments={segments.status === 'ready' ? segments.data : []}
      />
      <div className="test-path-actions">
        <button
          type="button"
          className="primary"
          disabled={isRunning || !isForecastFormValid(form)}
          onClick={() => void run()}
        >
          {t('forecast.run')}
        </button>
        <button type="button" onClick={close}>
          {t('common.close')}
        </button>
      </div>
      {job && isRunning && (
        <div role="status" className="forecast-progress">
          <progress
            value={job.progress.done}
            max={Math.max(1, job.progress.total)}
            data-testid="forecast-progress"
          />
          <span className="muted">
            {t('forecast.running', { done: job.progress.done, total: job.progress.total })}
          </span>
        </div>
      )}
      {job?.status === 'failed' && (
        <p className="error-text" role="alert">
          {t('forecast.failed', { message: job.error ?? '' })}
        </p>
      )}
      {error !== null && (
        <SimulationError
          error={error}
          asked={form.compareWith === null ? [form.version] : [form.version, form.compareWith]}
          versions={versions.status === 'ready' ? versions.data : []}
          wrap={(text) => t('forecast.failed', { message: text })}
        />
      )}
    </div>
  );
}
