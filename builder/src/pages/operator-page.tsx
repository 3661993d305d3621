import { useState } from 'react';
import { api } from '../api/client';
import type { CallOutcome, CallTask } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { ClientCardView } from './client-card-view';

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
                      >
                        <strong>{task.clientId}</strong>
                        <span className="muted">{task.journeyName ?? task.journeyId}</span>
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

const OUTCOMES: readonly CallOutcome[] = ['reached', 'interested', 'booked', 'notReached', 'refused'];

function CallTaskView({ task, onDone }: { task: CallTask; onDone: () => void }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const record = (outcome: CallOutcome) => {
    api
      .recordCallOutcome(task.id, outcome, note)
      .then(onDone, (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      );
  };
  return (
    <section className="operator-task">
      <ClientCardView clientId={task.clientId} />
      <h3>{t('operator.context')}</h3>
      <p>{task.reason || task.journeyName || task.journeyId}</p>
      <h3>{t('operator.script')}</h3>
      <p className="script">{task.script}</p>
      {task.offer && (
        <>
          <h3>{t('operator.offer')}</h3>
          <dl className="kv">
            {Object.entries(task.offer).map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h3>{t('operator.outcome')}</h3>
      <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
      <div className="outcome-buttons">
        {OUTCOMES.map((outcome) => (
          <button key={outcome} type="button" onClick={() => record(outcome)}>
            {t(`operator.outcome.${outcome}`)}
          </button>
        ))}
      </div>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
