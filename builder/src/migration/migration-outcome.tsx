import type { MigrationReportAnswer } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { ServerError } from '../pages/server-error';

/** Where the screen is: not checked yet, checking, checked (the dry run), moving, moved, or failed. */
export type MigrationStage =
  | { status: 'unchecked' | 'checking' }
  | { status: 'checked'; report: MigrationReportAnswer }
  | { status: 'checkFailed' | 'moveFailed'; error: unknown }
  | { status: 'moving'; report: MigrationReportAnswer }
  | { status: 'moved'; report: MigrationReportAnswer };

/** The check's counts (who goes where, who stays), the move's progress, and its result. */
export function MigrationOutcome({
  stage,
  fromVersion,
  toVersion,
  labelFrom,
  labelTo,
  problemTexts,
}: {
  stage: MigrationStage;
  fromVersion: number;
  toVersion: number;
  labelFrom: (planNodeId: string) => string;
  labelTo: (planNodeId: string) => string;
  /** The check's problems in the marketer's words (those on a step are marked on it too). */
  problemTexts: readonly { nodeId: string | null; text: string }[];
}) {
  const t = useT();
  const versions = { from: fromVersion, to: toVersion };
  switch (stage.status) {
    case 'unchecked':
      return <p className="muted">{t('migration.checkFirst')}</p>;
    case 'checking':
      return <p className="muted">{t('migration.checking')}</p>;
    case 'checkFailed':
      return (
        <ServerError error={stage.error} wrap={(text) => t('migration.checkFailed', { message: text })} />
      );
    case 'moveFailed':
      return (
        <ServerError error={stage.error} wrap={(text) => t('migration.moveFailed', { message: text })} />
      );
    case 'moving':
      return (
        <div role="status" className="migration-result">
          <p>{t('migration.moving', { count: stage.report.moving, ...versions })}</p>
          <progress aria-label={t('migration.progress')} />
        </div>
      );
    case 'moved':
      return (
        <div role="status" className="migration-result success">
          <p>
            {t('migration.moved', {
              signalled: stage.report.signalled,
              staying: stage.report.staying,
              ...versions,
            })}
          </p>
          <p className="muted">{t('migration.movedNote')}</p>
        </div>
      );
    case 'checked': {
      const { report } = stage;
      const moves = report.nodes.filter((node) => node.toNodeId !== null && node.waiting > 0);
      return (
        <div
          role="status"
          className={report.problems.length > 0 ? 'migration-result form-issues' : 'migration-result'}
        >
          <p>{t('migration.checked', { moving: report.moving, staying: report.staying, ...versions })}</p>
          <ul>
            {moves.map((node) => (
              <li key={node.fromNodeId}>
                {t('migration.checkedLine', {
                  count: node.waiting,
                  step: labelFrom(node.fromNodeId),
                  target: labelTo(node.toNodeId ?? ''),
                })}
              </li>
            ))}
          </ul>
          {report.problems.length > 0 && (
            <p>{t('migration.checkProblems', { count: report.problems.length })}</p>
          )}
          <ul>
            {problemTexts.map((problem) => (
              <li key={problem.text}>⚠ {problem.text}</li>
            ))}
          </ul>
        </div>
      );
    }
  }
}
