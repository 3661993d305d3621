import { useState } from 'react';
import { api } from '../api/client';
import { CALL_OUTCOMES, type CallOutcome, type CallTask } from '../api/schemas';
import { localInputToIso } from '../forms/local-date-time';
import { useLocaleStore, useT } from '../i18n/i18n';
import { CallTaskContext, CallTaskOffer } from './call-task-details';
import { ClientCardView } from './client-card-view';
import { ServerError } from './server-error';

/** Outcomes recorded by their own button; a callback is recorded with its time below them. */
const OUTCOME_BUTTONS = CALL_OUTCOMES.filter((outcome) => outcome !== 'callBack');

/** Where the call went after an action: the queue tab it is in now, and the call to show there. */
export type CallMoved = (tab: 'open' | 'claimed' | 'completed', taskId: string | null) => void;

type Act = (work: Promise<unknown>, moved: Parameters<CallMoved>) => void;

/** Who holds the call, and the button to take it or give it back. */
function ClaimBar(props: { task: CallTask; operatorId: string | null; act: Act }) {
  const t = useT();
  const { task, operatorId, act } = props;
  if (task.status === 'claimed' && task.claimedBy !== operatorId) {
    return <p className="claim-bar sla">{t('operator.claimedByOther')}</p>;
  }
  if (task.status === 'claimed' && operatorId) {
    return (
      <p className="claim-bar">
        <strong>{t('operator.claimedByYou')}</strong>{' '}
        <button
          type="button"
          onClick={() => act(api.releaseCallTask(task.id, operatorId), ['open', task.id])}
        >
          {t('operator.release')}
        </button>
      </p>
    );
  }
  return (
    <p className="claim-bar">
      <button
        type="button"
        className="primary"
        disabled={operatorId === null}
        onClick={() => operatorId && act(api.claimCallTask(task.id, operatorId), ['claimed', task.id])}
      >
        {t('operator.claim')}
      </button>
      {operatorId === null && <span className="muted"> {t('operator.needOperator')}</span>}
    </p>
  );
}

/** What the operator records once on the call: a note, then an outcome or a callback time. */
function OutcomeForm(props: {
  task: CallTask;
  operatorId: string;
  record: (work: ReturnType<typeof api.completeCallTask>) => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const [callbackAt, setCallbackAt] = useState('');
  const record = (outcome: CallOutcome, at?: string) =>
    props.record(
      api.completeCallTask(props.task.id, { outcome, note, operatorId: props.operatorId, callbackAt: at }),
    );
  const callbackIso = localInputToIso(callbackAt);
  return (
    <>
      <h3>{t('operator.outcome')}</h3>
      <label className="field">
        <span>{t('operator.note')}</span>
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
      </label>
      <div className="outcome-buttons">
        {OUTCOME_BUTTONS.map((outcome) => (
          <button key={outcome} type="button" onClick={() => record(outcome)}>
            {t(`operator.outcome.${outcome}`)}
          </button>
        ))}
      </div>
      <div className="outcome-buttons callback">
        <label>
          {t('operator.callbackAt')}{' '}
          <input
            type="datetime-local"
            value={callbackAt}
            onChange={(event) => setCallbackAt(event.target.value)}
            data-testid="callback-at"
          />
        </label>
        <button
          type="button"
          disabled={callbackIso === null}
          onClick={() => record('callBack', callbackIso!)}
        >
          {t('operator.scheduleCallback')}
        </button>
      </div>
    </>
  );
}

/** A call done: how it went, when that was recorded, and the note. */
function RecordedOutcome({ task }: { task: CallTask }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const outcome = CALL_OUTCOMES.find((name) => name === task.outcome);
  if (!outcome) return null;
  const time = task.completedAt ? new Date(task.completedAt).toLocaleString(locale) : '';
  return (
    <>
      <h3>{t('operator.outcome')}</h3>
      <p data-testid="recorded-outcome">
        {t('operator.recordedAt', { outcome: t(`operator.outcome.${outcome}`), time })}
      </p>
      {task.outcomeNote && <p className="muted">{t('timeline.note', { note: task.outcomeNote })}</p>}
    </>
  );
}

/** The chosen call: the client, why we call, what to say and offer, then claim, record or give back. */
export function CallTaskView(props: {
  task: CallTask;
  operatorId: string | null;
  onChange: () => void;
  onMoved: CallMoved;
}) {
  const t = useT();
  const { task, operatorId } = props;
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  // After an action the call moves to another tab (taken: in progress; given back: waiting); a refusal
  // (a colleague was faster) reads the queue again to show who has it.
  const refused = (failure: unknown) => {
    setError({ failure });
    props.onChange();
  };
  const act: Act = (work, moved) => work.then(() => props.onMoved(...moved), refused);
  // A callback shows the next call it queued, with the note for whoever makes it.
  const record = (work: ReturnType<typeof api.completeCallTask>) =>
    work.then((done) => props.onMoved('open', done.callback?.taskId ?? null), refused);
  const isMine = task.status === 'claimed' && operatorId !== null && task.claimedBy === operatorId;
  return (
    <section className="operator-task" data-testid="call-task-view">
      <ClientCardView clientId={task.client.id} />
      <h3>{t('operator.context')}</h3>
      <CallTaskContext task={task} />
      {task.payload.previousNote && (
        <p className="previous-note">{t('operator.previousNote', { note: task.payload.previousNote })}</p>
      )}
      <h3>{t('operator.script')}</h3>
      <p className="script">{task.payload.script}</p>
      {Object.keys(task.payload.offer).length > 0 && (
        <>
          <h3>{t('operator.offer')}</h3>
          <CallTaskOffer offer={task.payload.offer} />
        </>
      )}
      {task.status === 'completed' ? (
        <RecordedOutcome task={task} />
      ) : (
        <ClaimBar task={task} operatorId={operatorId} act={act} />
      )}
      {isMine && <OutcomeForm task={task} operatorId={operatorId} record={record} />}
      {error && (
        <ServerError
          error={error.failure}
          wrap={(text) => t('serverError.recordFailed', { message: text })}
        />
      )}
    </section>
  );
}
