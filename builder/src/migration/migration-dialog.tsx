import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { JourneyVersion } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { compileVersion } from './migration-model';
import { MigrationWorkspace } from './migration-workspace';
import { VersionPicker } from './version-picker';
import type { VersionPair } from './version-pair';
import './migration.css';

/** Who waits where on the old version: the dry run of an empty map counts everyone and moves nobody. */
async function countWaiting(journeyId: string, pair: VersionPair): Promise<Record<string, number>> {
  const report = await api.migrateClients(journeyId, { ...pair, nodeMap: {}, dryRun: true });
  const waiting = report.nodes.filter((node) => node.waiting > 0);
  return Object.fromEntries(waiting.map((node) => [node.fromNodeId, node.waiting]));
}

/**
 * "Move waiting clients" of a live journey: pick the two versions, then map and move on the workspace
 * below, which starts afresh (counts, proposed map, check) whenever the pair changes.
 */
export function MigrationDialog({
  journeyId,
  versions,
  initial,
  onClose,
}: {
  journeyId: string;
  versions: JourneyVersion[];
  initial: VersionPair;
  onClose: () => void;
}) {
  const t = useT();
  const [pair, setPair] = useState(initial);
  const pairKey = `${pair.fromVersion}>${pair.toVersion}`;
  const isSame = pair.fromVersion === pair.toVersion;
  const [counts, recount] = useApi(
    () => (isSame ? Promise.resolve({}) : countWaiting(journeyId, pair)),
    pairKey,
  );
  const fromDefinition = versions.find((version) => version.number === pair.fromVersion)?.definition;
  const toDefinition = versions.find((version) => version.number === pair.toVersion)?.definition;
  const plans = useMemo(
    () => ({ from: compileVersion(fromDefinition), to: compileVersion(toDefinition) }),
    [fromDefinition, toDefinition],
  );

  const isWorkspaceShown = !isSame && counts.status === 'ready' && plans.from !== null && plans.to !== null;

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('migration.title')}>
      <div className="dialog migration-dialog">
        <h2>{t('migration.title')}</h2>
        <p className="muted">{t('migration.intro')}</p>
        <VersionPicker versions={versions} value={pair} onChange={setPair} />
        {isSame ? (
          <p className="error-text">{t('migration.sameVersion')}</p>
        ) : counts.status === 'loading' ? (
          <p className="muted">{t('migration.counting')}</p>
        ) : (
          <ApiView state={counts} reload={recount}>
            {(waiting) =>
              plans.from && plans.to ? (
                <MigrationWorkspace
                  key={pairKey}
                  journeyId={journeyId}
                  pair={pair}
                  waiting={waiting}
                  definitions={{ from: fromDefinition, to: toDefinition }}
                  plans={{ from: plans.from, to: plans.to }}
                  onRecount={recount}
                  onClose={onClose}
                />
              ) : (
                <p className="error-text">
                  {t('migration.problem.versionInvalid', { from: pair.fromVersion, to: pair.toVersion })}
                </p>
              )
            }
          </ApiView>
        )}
        {/* The workspace has its own row of buttons, Close among them. */}
        {!isWorkspaceShown && (
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
