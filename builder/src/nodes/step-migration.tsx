import type { StepMigrationMark } from '../migration/migration-marks';
import { useT } from '../i18n/i18n';

/**
 * The step's look on the migration screen: a step nobody waits on (or, on the new version, one no
 * client can land on) fades; the picked step and, while one is picked, the waits it can go to stand out.
 */
export function migrationClassOf(mark: StepMigrationMark | undefined): string {
  if (mark === undefined) return 'migration-idle';
  if (mark.side === 'from') return mark.isPicked ? 'migration-source migration-picked' : 'migration-source';
  return mark.isChoosable ? 'migration-landing migration-choosable' : 'migration-landing';
}

/** Under a step on the migration screen: who waits and where they go, or who arrives; its problems. */
export function StepMigration({ nodeId, mark }: { nodeId: string; mark: StepMigrationMark }) {
  const t = useT();
  if (mark.side === 'to') {
    return (
      <div className="step-migration" data-testid={`migration-${nodeId}`}>
        {mark.arriving > 0 && <span>▼ {t('migration.arriving', { count: mark.arriving })}</span>}
      </div>
    );
  }
  return (
    <div className="step-migration" data-testid={`migration-${nodeId}`}>
      {mark.waiting > 0 && <strong>◔ {t('migration.waiting', { count: mark.waiting })}</strong>}
      <span className="step-migration-goes">
        {mark.goesTo.length > 0
          ? mark.goesTo.map((label) => t('migration.goesTo', { step: label })).join(', ')
          : t('migration.stays', { from: mark.fromVersion })}
      </span>
      {mark.problems.length > 0 && (
        <ul className="step-problems" role="alert">
          {mark.problems.map((text) => (
            <li key={text}>⚠ {text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
