import { useMemo } from 'react';
import type { TestPathResult, TestPathStep } from '../api/schemas';
import { useEditor } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { drawnNodes, nameSimulatedStep } from './name-simulated-step';

const dayOf = (result: TestPathResult, iso: string) =>
  Math.round((Date.parse(iso) - Date.parse(result.startedAt)) / 86_400_000);

/** How the run ended, in one sentence. */
function OutcomeLine({ result }: { result: TestPathResult }) {
  const t = useT();
  const day = dayOf(result, result.endedAt);
  const reason = result.reason ?? '';
  return (
    <p className={`test-path-outcome outcome-${result.outcome}`} data-testid="test-path-outcome">
      {t(`testPath.outcome.${result.outcome}`, { day, reason, step: result.waitingAt ?? '' })}
    </p>
  );
}

/** The path, step by step: when, what was sent (as rendered), what was skipped and why. */
export function TestPathResultView({ result }: { result: TestPathResult }) {
  const t = useT();
  const canvasNodes = useEditor((state) => state.nodes);
  const nodes = useMemo(() => drawnNodes(canvasNodes), [canvasNodes]);
  // As the canvas and the client timeline name it: an unnamed step by its kind, a rung by its place.
  const label = (step: TestPathStep) => nameSimulatedStep(nodes, step.nodeId, step.name, t);
  const shown = result.steps.filter((step) => step.messages.length > 0 || step.skipReason || step.outcome);
  return (
    <div className="test-path-result">
      <OutcomeLine result={result} />
      <ol className="test-path-steps">
        {shown.map((step) => (
          <li key={`${step.nodeId}-${step.at}`} data-testid={`path-step-${step.nodeId}`}>
            <strong>{t('testPath.day', { day: Math.round(step.day) })}</strong> · {label(step)}
            {step.skipReason && (
              <div className="muted">{t('testPath.skipped', { reason: step.skipReason })}</div>
            )}
            {step.messages.map((message, index) => (
              <div className={`test-path-message status-${message.status}`} key={index}>
                <span className="badge">{t(`channel.${message.channel}`)}</span> {message.subject ?? ''}
                {message.text && <div className="message-text">{message.text}</div>}
                {message.notes.map((note) => (
                  <div className="muted" key={note}>
                    {note}
                  </div>
                ))}
              </div>
            ))}
          </li>
        ))}
      </ol>
      {result.events.length > 0 && (
        <>
          <h3>{t('testPath.events')}</h3>
          <ul className="test-path-events">
            {result.events.map((event, index) => (
              <li key={index}>
                {event.delivered
                  ? t('testPath.eventDelivered', { type: event.type, day: Math.round(event.day) })
                  : t('testPath.eventIgnored', {
                      type: event.type,
                      day: Math.round(event.day),
                      note: event.note ?? '',
                    })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        {t('testPath.callTasks', { count: result.callTasks })} ·{' '}
        {t('testPath.took', { seconds: (result.elapsedMs / 1000).toFixed(1) })}
      </p>
    </div>
  );
}
