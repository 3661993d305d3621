import { useMemo, useState } from 'react';
import { z } from 'zod';
import type { JourneyPlan, NodeMap } from '@touchpoint/language';
import { api, ApiError } from '../api/client';
import { MigrationProblemAnswer } from '../api/schemas';
import { translate, useLocaleStore, useT } from '../i18n/i18n';
import { describeMigrationProblem } from './describe-migration-problem';
import { labelStep, type Translate } from './label-step';
import { MigrationCanvas } from './migration-canvas';
import { markFromSteps, markToSteps } from './migration-marks';
import { drawnStepOf, listLandingSteps, pickLanding, proposeNodeMap } from './migration-model';
import { MigrationOutcome, type MigrationStage } from './migration-outcome';
import { MigrationTable } from './migration-table';
import type { VersionPair } from './version-pair';

/** A refused move (422) carries the problems that refused it. */
const RefusedMove = z.object({ problems: z.array(MigrationProblemAnswer) });

/** Who waits where, the node map being drawn, the step picked to map, and the check or move. */
export function MigrationWorkspace({
  journeyId,
  pair,
  waiting,
  definitions,
  plans,
  onRecount,
  onClose,
}: {
  journeyId: string;
  pair: VersionPair;
  /** Clients waiting per plan node of the old version. */
  waiting: Record<string, number>;
  definitions: { from: unknown; to: unknown };
  plans: { from: JourneyPlan; to: JourneyPlan };
  /** Counts who waits where again (after a move: who is still on the old version). */
  onRecount: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [nodeMap, setNodeMap] = useState<NodeMap>(() =>
    proposeNodeMap(Object.keys(waiting), plans.from, plans.to),
  );
  const [picked, setPicked] = useState<string | null>(null);
  const [stage, setStage] = useState<MigrationStage>({ status: 'unchecked' });
  const landings = useMemo(() => listLandingSteps(plans.to), [plans.to]);
  const locale = useLocaleStore((state) => state.locale);
  const labelFrom = (id: string) => labelStep(plans.from, id, t);
  const labelTo = (id: string) => labelStep(plans.to, id, t);
  const report = stage.status === 'checked' ? stage.report : null;
  // Worked out again only when the map, the pick, the check or the language changes: the canvases
  // redraw their steps whenever the marks they are given change.
  const { problemTexts, fromMarks, toMarks } = useMemo(() => {
    const inLocale: Translate = (key, values) => translate(locale, key, values);
    const labels = {
      labelFrom: (id: string) => labelStep(plans.from, id, inLocale),
      labelTo: (id: string) => labelStep(plans.to, id, inLocale),
    };
    const texts = (report?.problems ?? []).map((problem) => ({
      nodeId: problem.nodeId,
      text: describeMigrationProblem(problem, { ...pair, nodeMap, ...labels }, inLocale),
    }));
    const input = { ...pair, ...plans, waiting, nodeMap, pickedStep: picked, problems: texts, ...labels };
    return { problemTexts: texts, fromMarks: markFromSteps(input), toMarks: markToSteps(input) };
  }, [locale, pair, plans, waiting, nodeMap, picked, report]);

  const changeMap = (next: NodeMap) => {
    setNodeMap(next);
    setStage({ status: 'unchecked' });
  };
  const sourcesOn = (drawnStep: string) =>
    Object.keys(waiting).filter((source) => drawnStepOf(plans.from, source) === drawnStep);
  const clickFrom = (stepId: string) => {
    if (sourcesOn(stepId).length > 0) setPicked(picked === stepId ? null : stepId);
  };
  const clickTo = (stepId: string) => {
    if (picked === null) return;
    const moves = sourcesOn(picked).flatMap((source) => {
      const landing = pickLanding(landings, stepId, source);
      return landing === null ? [] : [[source, landing] as const];
    });
    // A step no client can wait on (an exit, a send) is no answer: the pick stays for the next click.
    if (moves.length === 0) return;
    setPicked(null);
    changeMap({ ...nodeMap, ...Object.fromEntries(moves) });
  };
  const chooseInTable = (source: string, target: string | null) => {
    const { [source]: _dropped, ...rest } = nodeMap;
    changeMap(target === null ? rest : { ...rest, [source]: target });
  };
  const check = () => {
    setStage({ status: 'checking' });
    api.migrateClients(journeyId, { ...pair, nodeMap, dryRun: true }).then(
      (answer) => setStage({ status: 'checked', report: answer }),
      (error: unknown) => setStage({ status: 'checkFailed', error }),
    );
  };
  const move = () => {
    if (report === null) return;
    setStage({ status: 'moving', report });
    api.migrateClients(journeyId, { ...pair, nodeMap, dryRun: false }).then(
      (answer) => setStage({ status: 'moved', report: answer }),
      (error: unknown) => {
        // Refused because something changed since the check: show its problems on the steps.
        const refused = error instanceof ApiError ? RefusedMove.safeParse(error.body) : null;
        if (refused?.success)
          setStage({ status: 'checked', report: { ...report, problems: refused.data.problems } });
        else setStage({ status: 'moveFailed', error });
      },
    );
  };

  const hasWaiting = Object.keys(waiting).length > 0;
  const canMove = report !== null && report.problems.length === 0 && report.moving > 0;
  const isBusy = stage.status === 'checking' || stage.status === 'moving';
  return (
    <>
      <p className="migration-hint" role="note">
        {!hasWaiting
          ? t('migration.nobodyWaiting', { from: pair.fromVersion })
          : picked === null
            ? t('migration.hint')
            : t('migration.hintPicked', { step: labelStep(plans.from, picked, t) })}
      </p>
      <div className="migration-canvases">
        <MigrationCanvas
          title={t('migration.fromCanvas', { number: pair.fromVersion })}
          definition={definitions.from}
          marks={fromMarks}
          onStepClick={clickFrom}
          testId="migration-from"
        />
        <MigrationCanvas
          title={t('migration.toCanvas', { number: pair.toVersion })}
          definition={definitions.to}
          marks={toMarks}
          onStepClick={clickTo}
          testId="migration-to"
        />
      </div>
      {hasWaiting && (
        <MigrationTable
          {...pair}
          waiting={waiting}
          nodeMap={nodeMap}
          landings={landings}
          labelFrom={labelFrom}
          labelTo={labelTo}
          onChange={chooseInTable}
        />
      )}
      <MigrationOutcome
        stage={stage}
        {...pair}
        labelFrom={labelFrom}
        labelTo={labelTo}
        problemTexts={problemTexts}
      />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        {stage.status === 'moved' && (
          <button type="button" onClick={onRecount}>
            {t('migration.recount')}
          </button>
        )}
        {stage.status !== 'moved' && (
          <button type="button" disabled={!hasWaiting || isBusy} onClick={check}>
            {t('migration.check')}
          </button>
        )}
        {canMove && stage.status === 'checked' && (
          <button type="button" className="primary" onClick={move}>
            {t('migration.move', { count: report.moving })}
          </button>
        )}
      </div>
    </>
  );
}
