import { useState } from 'react';
import { api } from '../api/client';
import { CALL_OUTCOMES, type CallOutcome, type CallTask } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { CallTaskContext, CallTaskOffer } from './call-task-details';
import { ClientCardView } from './client-card-view';
import { ServerError } from './server-error';

/** The call-center operator's page: the queue on the left, the chosen call on the right. */
export function OperatorPage() {
  const t = useT();
  const [queue, reload] = useApi(() => api.listCallTasks(), 'call-tasks');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <div className="operator-page">
      <h1>{t('operator.title')}</h1>
      <ApiView state={queue} reload={reload}>
        {(tasks) => {
          const selected = tasks.find((task) => task.id === selectedId) ?? tasks[0] ?? null;
          return tasks.length === 0 ? (
            <p className="empty">{t('operator.emptyQueue')}</p>
          ) : (
            <div className="operator-layout">
              <section className="operator-queue" aria-label={t('operator.queue')}>
                <h2>{t('operator.queue')}</h2>
                <ul>
                  {tasks.map((task) => (
                    <li key={task.id}>
                      <button
                        type="button"
                        className={task.id === selected?.id ? 'active' : undefined}
                        onClick={() => setSelectedId(task.id)}
                        data-testid={`call-task-${task.client.id}`}
                      >
                        <strong>{task.client.id}</strong>
                        <span className="muted">
                          {task.client.phone ?? ''} · {t('operator.priority', { priority: task.priority })}
                          {task.isSlaBreached && <span className="sla"> · {t('operator.slaBreached')}</span>}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              {selected && <CallTaskView key={selected.id} task={selected} onDone={reload} />}
            </div>
          );
        }}
      </ApiView>
    </div>
  );
}

function CallTaskView({ task, onDone }: { task: CallTask; onDone: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  const record = (outcome: CallOutcome) => {
    api.completeCallTask(task.id, outcome, note).then(onDone, (failure: unknown) => setError({ failure }));
  };
  return (
    <section className="operator-task">
      <ClientCardView clientId={task.client.id} />
      <h3>{t('operator.context')}</h3>
      <CallTaskContext task={task} />
      <h3>{t('operator.script')}</h3>
      <p className="script">{task.payload.script}</p>
      {Object.keys(task.payload.offer).length > 0 && (
        <>
          <h3>{t('operator.offer')}</h3>
          <CallTaskOffer offer={task.payload.offer} />
        </>
      )}
      <h3>{t('operator.outcome')}</h3>
      <label className="field">
        <span>{t('operator.note')}</span>
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
      </label>
      <div className="outcome-buttons">
        {CALL_OUTCOMES.map((outcome) => (
          <button key={outcome} type="button" onClick={() => record(outcome)}>
            {t(`operator.outcome.${outcome}`)}
          </button>
        ))}
      </div>
      {error && (
        <ServerError
          error={error.failure}
          wrap={(text) => t('serverError.recordFailed', { message: text })}
        />
      )}
    </section>
  );
}
