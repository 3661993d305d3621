import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { IN_FLIGHT_CHOICES } from '../api/schemas';
import type { ExitJob, InFlightChoice } from '../api/schemas';
import { useT, type MessageKey } from '../i18n/i18n';
import { ServerError } from './server-error';

const CHOICE_LABELS: Record<InFlightChoice, { label: MessageKey; hint: MessageKey }> = {
  continue: { label: 'pause.continue', hint: 'pause.continueHint' },
  leave: { label: 'pause.leave', hint: 'pause.leaveHint' },
};

/** How often the dialog asks how far the exit job has come. */
const PROGRESS_POLL_MS = 1_000;

/** Clients are still on their way out: the job runs, or has asked everyone and some are finishing. */
function isStillLeaving(job: ExitJob): boolean {
  return job.status === 'running' || (job.status === 'completed' && job.left < job.total);
}

/** Re-reads an exit job from the server while its clients are still leaving. */
function usePollExitJob(journeyId: string, job: ExitJob | null, onUpdate: (job: ExitJob) => void): void {
  useEffect(() => {
    if (job === null || !isStillLeaving(job)) return;
    const timer = setTimeout(() => {
      api.getExitJob(journeyId).then(onUpdate, () => undefined);
    }, PROGRESS_POLL_MS);
    return () => clearTimeout(timer);
  }, [journeyId, job, onUpdate]);
}

/**
 * Pausing asks what happens to clients already inside: they continue their journey (no new ones
 * enter), or leave now. Leaving runs as a job on the server; the dialog shows how many have left.
 */
export function PauseDialog({
  journeyId,
  onClose,
  onPaused,
}: {
  journeyId: string;
  onClose: () => void;
  onPaused: () => void;
}) {
  const t = useT();
  const [choice, setChoice] = useState<InFlightChoice>('continue');
  const [state, setState] = useState<
    | { status: 'idle' | 'working' }
    | { status: 'done'; job: ExitJob | null }
    | { status: 'failed'; error: unknown }
  >({ status: 'idle' });
  const job = state.status === 'done' ? state.job : null;
  const showProgress = useCallback((next: ExitJob) => setState({ status: 'done', job: next }), []);
  usePollExitJob(journeyId, job, showProgress);

  const pause = () => {
    setState({ status: 'working' });
    api.pauseJourney(journeyId, choice).then(
      (result) => {
        setState({ status: 'done', job: result.exitJob });
        onPaused();
      },
      (error: unknown) => setState({ status: 'failed', error }),
    );
  };

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('pause.title')}>
      <div className="dialog">
        <h2>{t('pause.title')}</h2>
        <p className="muted">{t('pause.question')}</p>
        <fieldset className="choice-list" disabled={state.status !== 'idle' && state.status !== 'failed'}>
          {IN_FLIGHT_CHOICES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="in-flight"
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              <span>
                <strong>{t(CHOICE_LABELS[value].label)}</strong>
                <span className="muted">{t(CHOICE_LABELS[value].hint)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {state.status === 'failed' && (
          <ServerError error={state.error} wrap={(text) => t('serverError.pauseFailed', { message: text })} />
        )}
        {state.status === 'done' && <PauseOutcome job={job} />}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
          {state.status !== 'done' && (
            <button type="button" className="primary" disabled={state.status === 'working'} onClick={pause}>
              {t('pause.confirm')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function PauseOutcome({ job }: { job: ExitJob | null }) {
  const t = useT();
  if (job === null)
    return (
      <p className="success" role="status">
        {t('pause.paused')}
      </p>
    );
  const percent = job.total === 0 ? 100 : Math.round((100 * job.left) / job.total);
  const key: MessageKey = isStillLeaving(job)
    ? 'pause.leaving'
    : job.status === 'completed'
      ? 'pause.allLeft'
      : 'pause.leavingStopped';
  return (
    <div role="status" className={job.status === 'failed' ? 'form-issues' : 'success'}>
      <p>{t(key, { left: job.left, total: job.total })}</p>
      <progress max={100} value={percent} aria-label={t('pause.progress')} />
      {job.error && <p className="muted">{job.error}</p>}
    </div>
  );
}
