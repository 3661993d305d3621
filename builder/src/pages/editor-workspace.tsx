import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NodeKind } from '@touchpoint/language';
import { api } from '../api/client';
import { formatRoute } from '../app/routes';
import type { ForecastJob, JourneyDetail } from '../api/schemas';
import { layoutSteps } from '../canvas/auto-layout';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { JourneyCanvas } from '../canvas/journey-canvas';
import { Palette } from '../canvas/palette';
import { SHORTCUTS, useShortcuts } from '../canvas/shortcuts';
import { JourneySettingsForm } from '../forms/journey-settings-form';
import { StepForm } from '../forms/step-form';
import { useT, type MessageKey } from '../i18n/i18n';
import { describeProblem } from '../nodes/describe-problem';
import { PauseDialog } from './pause-dialog';
import { PublishDialog } from './publish-dialog';
import { ExportJourneyButton } from './export-journey-button';
import { ServerError, useDescribeError } from './server-error';
import { AudienceRunLine } from './audience-run-line';
import { EnrollDialog } from '../audiences/enroll-dialog';
import { StatsBar } from './stats-bar';
import { useAutosave, type SaveState } from './use-autosave';
import { VersionsPanel } from './versions-panel';
import { ForecastPanel } from '../simulation/forecast-panel';
import { ForecastReport } from '../simulation/forecast-report';
import { TestPathPanel } from '../simulation/test-path-panel';

const SAVE_LABELS: Record<SaveState['status'], MessageKey> = {
  saved: 'editor.saved',
  saving: 'editor.saving',
  dirty: 'editor.unsaved',
  failed: 'editor.saveFailed',
};

/** The editor: toolbar, palette, canvas and the side panel of the selected step. */
export function EditorWorkspace({
  detail,
  layoutOnOpen = false,
}: {
  detail: JourneyDetail;
  /** Lay the steps out once they are measured: the draft came without positions. */
  layoutOnOpen?: boolean;
}) {
  const t = useT();
  const store = useEditorStore();
  const flow = useReactFlow();
  const [name, setName] = useState(detail.name);
  const [status, setStatus] = useState(detail.status);
  const [liveVersion, setLiveVersion] = useState(detail.currentVersion);
  const [panel, setPanel] = useState<
    'none' | 'publish' | 'pause' | 'versions' | 'stats' | 'testPath' | 'forecast' | 'enroll'
  >('none');
  const [forecast, setForecast] = useState<ForecastJob | null>(null);
  const [lifecycleError, setLifecycleError] = useState<{ error: unknown; wasPaused: boolean } | null>(null);
  const describeError = useDescribeError();
  const save = useAutosave(store, detail.id, name);
  const problems = useEditor((state) => state.problems);
  const nodes = useEditor((state) => state.nodes);
  const canUndo = useEditor((state) => state.history.past.length > 0);
  const canRedo = useEditor((state) => state.history.future.length > 0);
  const selected = useMemo(() => {
    const picked = nodes.filter((node) => node.selected);
    return picked.length === 1 ? picked[0] : undefined;
  }, [nodes]);

  const fit = useCallback(() => void flow.fitView({ padding: 0.2, maxZoom: 1, duration: 200 }), [flow]);
  const layout = useCallback(() => {
    const { nodes: current, edges } = store.getState();
    layoutSteps(current, edges).then(
      (positions) => {
        store.getState().setPositions(positions);
        requestAnimationFrame(fit);
      },
      (error: unknown) => console.error('auto-layout failed', error),
    );
  }, [store, fit]);
  const actions = useMemo(() => ({ layout, fit }), [layout, fit]);
  // ELK needs each step's real size, known only once React Flow has measured them all.
  const isMeasured = useNodesInitialized();
  const hasLaidOut = useRef(false);
  useEffect(() => {
    if (!layoutOnOpen || !isMeasured || hasLaidOut.current) return;
    hasLaidOut.current = true;
    layout();
  }, [layoutOnOpen, isMeasured, layout]);
  useShortcuts(store, actions);

  const addAtCentre = (kind: NodeKind) => {
    const centre = flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    store.getState().addStep(kind, centre);
  };
  // Pausing asks what happens to clients inside (the pause dialog); resuming needs no question.
  const togglePause = () => {
    setLifecycleError(null);
    if (status !== 'paused') return setPanel('pause');
    api.resumeJourney(detail.id).then(
      () => setStatus('active'),
      (error: unknown) => setLifecycleError({ error, wasPaused: true }),
    );
  };

  // The toolbar may shorten this label; its title keeps the whole of it (and the server's words).
  const saveFailure = save.status === 'failed' ? describeError(save.error) : null;
  const saveLabel = t(SAVE_LABELS[save.status], { message: saveFailure?.text ?? '' });

  return (
    <div className="editor">
      <div className="editor-toolbar">
        <input
          className="journey-name"
          aria-label={t('editor.nameLabel')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title={`${t('editor.undo')} (${SHORTCUTS.undo})`}
          aria-label={t('editor.undo')}
        >
          ↶
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title={`${t('editor.redo')} (${SHORTCUTS.redo})`}
          aria-label={t('editor.redo')}
        >
          ↷
        </button>
        <button type="button" onClick={layout} title={SHORTCUTS.layout}>
          ⇶ {t('editor.autoLayout')}
        </button>
        <button type="button" onClick={fit} title={SHORTCUTS.fit}>
          ⤢ {t('editor.fit')}
        </button>
        <span className="spacer" />
        <span
          className={`save-state save-${save.status}`}
          title={[saveLabel, saveFailure?.detail].filter(Boolean).join('\n')}
        >
          {saveLabel}
        </span>
        <span
          className={problems.length ? 'problem-count bad' : 'problem-count good'}
          data-testid="problem-count"
        >
          {problems.length ? t('editor.problems', { count: problems.length }) : t('editor.noProblems')}
        </span>
        <button type="button" onClick={() => setPanel(panel === 'stats' ? 'none' : 'stats')}>
          {t('editor.stats')}
        </button>
        <a className="button" href={formatRoute({ page: 'report', journeyId: detail.id })}>
          {t('report.open')}
        </a>
        <button type="button" onClick={() => setPanel(panel === 'versions' ? 'none' : 'versions')}>
          {t('editor.history')}
        </button>
        <ExportJourneyButton journeyId={detail.id} name={name} isSaved={save.status === 'saved'} />
        <button type="button" onClick={() => setPanel(panel === 'testPath' ? 'none' : 'testPath')}>
          {t('testPath.open')}
        </button>
        <button type="button" onClick={() => setPanel(panel === 'forecast' ? 'none' : 'forecast')}>
          {t('forecast.open')}
        </button>
        {status === 'active' && liveVersion !== null && (
          <button type="button" data-testid="enroll-open" onClick={() => setPanel('enroll')}>
            {t('audience.enroll.open')}
          </button>
        )}
        {status !== 'draft' && (
          <button type="button" onClick={togglePause}>
            {status === 'paused' ? t('editor.resume') : t('editor.pause')}
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={problems.length > 0}
          title={problems.length ? t('editor.publishBlocked') : undefined}
          onClick={() => setPanel('publish')}
        >
          {t('editor.publish')}
        </button>
      </div>
      {lifecycleError && (
        <ServerError
          error={lifecycleError.error}
          wrap={(text) =>
            t(lifecycleError.wasPaused ? 'serverError.resumeFailed' : 'serverError.pauseFailed', {
              message: text,
            })
          }
        />
      )}
      {panel === 'stats' && (
        <StatsBar journeyId={detail.id} key={liveVersion ?? 0} currentVersion={liveVersion} />
      )}
      <AudienceRunLine journeyId={detail.id} />
      <div className="editor-body">
        <Palette onAdd={addAtCentre} />
        <JourneyCanvas />
        <aside className="side-panel">
          {panel === 'versions' ? (
            <VersionsPanel journeyId={detail.id} onClose={() => setPanel('none')} />
          ) : panel === 'testPath' ? (
            <TestPathPanel journeyId={detail.id} name={name} onClose={() => setPanel('none')} />
          ) : panel === 'forecast' ? (
            <ForecastPanel
              journeyId={detail.id}
              name={name}
              liveVersion={status === 'active' ? liveVersion : null}
              onJob={setForecast}
              onClose={() => setPanel('none')}
            />
          ) : selected ? (
            <>
              <h2>{t('form.title')}</h2>
              <StepForm key={selected.id} node={selected} />
            </>
          ) : (
            <>
              <ProblemList />
              <JourneySettingsForm />
            </>
          )}
        </aside>
      </div>
      {forecast && <ForecastReport job={forecast} />}
      {panel === 'pause' && (
        <PauseDialog
          journeyId={detail.id}
          onClose={() => setPanel('none')}
          onPaused={() => setStatus('paused')}
        />
      )}
      {panel === 'enroll' && <EnrollDialog journeyId={detail.id} onClose={() => setPanel('none')} />}
      {panel === 'publish' && (
        <PublishDialog
          journeyId={detail.id}
          name={name}
          onClose={() => setPanel('none')}
          onPublished={(version) => {
            setStatus('active');
            setLiveVersion(version);
          }}
        />
      )}
    </div>
  );
}

function ProblemList() {
  const t = useT();
  const problems = useEditor((state) => state.problems);
  const store = useEditorStore();
  const nodes = useEditor((state) => state.nodes);
  // Problems name the step as the canvas shows it: its name, or its kind while it has none.
  const stepLabel = (nodeId: string) => {
    const node = nodes.find((candidate) => candidate.id === nodeId);
    return node ? (node.data.name ?? t(`node.${node.data.kind}`)) : nodeId;
  };
  const select = (nodeId: string | null) => {
    if (nodeId === null) return;
    store
      .getState()
      .onNodesChange(
        store.getState().nodes.map((node) => ({ type: 'select', id: node.id, selected: node.id === nodeId })),
      );
  };
  return (
    <div>
      <p className="muted">{t('editor.selectHint')}</p>
      {problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((problem, index) => (
            <li key={index}>
              <button type="button" onClick={() => select(problem.nodeId)}>
                ⚠ {problem.nodeId ? `${stepLabel(problem.nodeId)}: ` : ''}
                {describeProblem(problem, t)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
