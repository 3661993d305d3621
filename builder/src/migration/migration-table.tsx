import type { NodeMap } from '@touchpoint/language';
import { useT } from '../i18n/i18n';
import type { LandingStep } from './migration-model';

/**
 * The node map as a table, one row per old-version node with clients waiting: the same choice the
 * canvases make by clicking, for a marketer who prefers picking from a list (or a ladder's exact rung).
 */
export function MigrationTable({
  fromVersion,
  toVersion,
  waiting,
  nodeMap,
  landings,
  labelFrom,
  labelTo,
  onChange,
}: {
  fromVersion: number;
  toVersion: number;
  waiting: Readonly<Record<string, number>>;
  nodeMap: NodeMap;
  landings: readonly LandingStep[];
  labelFrom: (planNodeId: string) => string;
  labelTo: (planNodeId: string) => string;
  onChange: (source: string, target: string | null) => void;
}) {
  const t = useT();
  return (
    <table className="migration-table">
      <thead>
        <tr>
          <th>{t('migration.col.step', { from: fromVersion })}</th>
          <th>{t('migration.col.waiting')}</th>
          <th>{t('migration.col.target', { to: toVersion })}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(waiting).map(([source, count]) => (
          <tr key={source}>
            <td>{labelFrom(source)}</td>
            <td className="number">{count}</td>
            <td>
              <select
                aria-label={t('migration.targetFor', { step: labelFrom(source) })}
                value={nodeMap[source] ?? ''}
                onChange={(event) => onChange(source, event.target.value || null)}
              >
                <option value="">{t('migration.stay', { from: fromVersion })}</option>
                {landings.map((landing) => (
                  <option key={landing.planNodeId} value={landing.planNodeId}>
                    {labelTo(landing.planNodeId)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
