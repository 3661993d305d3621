import { useEffect, useRef, useState } from 'react';
import type { JourneyProblem } from '@touchpoint/language';
import { api } from '../api/client';
import { MAX_SUMMARY_LENGTH, type Problem } from '../api/schemas';
import { canvasToDraft } from '../canvas/convert';
import { diffDrafts, summarizeDiff } from '../canvas/diff';
import { JourneyDraft } from '../canvas/draft';
import { useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { JourneyProblemList, problemsOf } from './journey-problem-list';
import { stepLabelIn } from './step-label';
import { ServerError } from './server-error';

/**
 * Publishing: a change summary against the last published version (editable), then save, a
 * server-side validation against the real catalogs, and the publish itself.
 */
export function PublishDialog({
  journeyId,
  name,
  onClose,
  onPublished,
}: {
  journeyId: string;
  name: string;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const t = useT();
  const store = useEditorStore();
  const [summary, setSummary] = useState('');
  // Set once the marketer types: the proposal, which may arrive later, never overwrites their words.
  const isSummaryEdited = useRef(false);
  const [nextVersion, setNextVersion] = useState(1);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [state, setState] = useState<
    | { status: 'idle' | 'working' }
    | { status: 'done'; version: number }
    | { status: 'unchanged'; version: number }
    | { status: 'failed'; error: unknown }
  >({ status: 'idle' });

  useEffect(() => {
    const draft = canvasToDraft(store.getState());
    const names = {
      added: t('versions.added'),
      removed: t('versions.removed'),
      changed: t('versions.changed'),
    };
    api.listVersions(journeyId).then(
      (versions) => {
        const latest = versions.reduce((max, version) => Math.max(max, version.number), 0);
        setNextVersion(latest + 1);
        const found = versions.find((version) => version.number === latest);
        const previous = JourneyDraft.safeParse(found?.definition);
        const before = previous.success ? previous.data : { ...draft, nodes: [], edges: [] };
        // Steps by the names the marketer gave them; a removed step by its name in the version before.
        const labelOf = (stepId: string) => stepLabelIn([draft, before], stepId, t);
        // A very large diff could outgrow what the server stores; the marketer sees the cut and can edit.
        const proposal = summarizeDiff(diffDrafts(before, draft), names, labelOf).slice(
          0,
          MAX_SUMMARY_LENGTH,
        );
        if (!isSummaryEdited.current) setSummary(proposal);
      },
      () => undefined,
    );
    // The summary is proposed once when the dialog opens, unless the marketer has begun writing one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [journeyId, store]);

  const publish = async () => {
    setState({ status: 'working' });
    try {
      const draft = canvasToDraft(store.getState());
      await api.saveDraft(journeyId, name, draft);
      const checked = await api.validateJourney(journeyId);
      setProblems(checked.problems);
      store.getState().showServerProblems(checked.problems as JourneyProblem[]);
      if (checked.problems.length > 0) return setState({ status: 'idle' });
      const published = await api.publishJourney(journeyId, summary);
      if (published.unchanged) return setState({ status: 'unchanged', version: published.number });
      setState({ status: 'done', version: published.number });
      onPublished(published.number);
    } catch (error) {
      // The draft can change between the check and the publish: show what the server refused.
      const refused = problemsOf(error);
      setProblems(refused);
      if (refused.length > 0) store.getState().showServerProblems(refused);
      setState({ status: 'failed', error });
    }
  };

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('editor.publishTitle')}>
      <div className="dialog">
        <h2>{t('editor.publishTitle')}</h2>
        <label className="field">
          <span>{t('editor.publishSummary')}</span>
          <textarea
            rows={4}
            maxLength={MAX_SUMMARY_LENGTH}
            value={summary}
            onChange={(event) => {
              isSummaryEdited.current = true;
              setSummary(event.target.value);
            }}
          />
        </label>
        <JourneyProblemList
          problems={problems as JourneyProblem[]}
          drafts={[canvasToDraft(store.getState())]}
        />
        {state.status === 'failed' && (
          <ServerError
            error={state.error}
            wrap={(text) => t('serverError.publishFailed', { message: text })}
          />
        )}
        {state.status === 'done' ? (
          <p className="success" role="status">
            {t('editor.published', { version: state.version })}
          </p>
        ) : null}
        {state.status === 'unchanged' ? (
          <p className="notice" role="status">
            {t('editor.publishUnchanged', { version: state.version })}
          </p>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
          {state.status !== 'done' && state.status !== 'unchanged' && (
            <button
              type="button"
              className="primary"
              disabled={state.status === 'working'}
              onClick={() => void publish()}
            >
              {t('editor.publishConfirm', { version: nextVersion })}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
