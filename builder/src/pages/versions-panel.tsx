import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { canvasToDraft } from '../canvas/convert';
import { diffDrafts, type DraftDiff } from '../canvas/diff';
import { JourneyDraft } from '../canvas/draft';
import { useEditorStore } from '../canvas/editor-context';
import { useLocaleStore, useT } from '../i18n/i18n';
import type { JourneyVersion } from '../api/schemas';
import { ApiView } from './api-view';
import { VersionCompareDialog } from './version-compare-dialog';
import { MigrationDialog } from '../migration/migration-dialog';
import { defaultVersionPair } from '../migration/version-pair';

/**
 * Version history. Comparing a version with the draft colours the canvas: added steps green,
 * changed amber; removed ones are listed (they no longer exist on the canvas to colour).
 */
export function VersionsPanel({ journeyId, onClose }: { journeyId: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const store = useEditorStore();
  const [versions, reload] = useApi(() => api.listVersions(journeyId), journeyId);
  const [diff, setDiff] = useState<{ version: number; diff: DraftDiff } | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<[JourneyVersion, JourneyVersion] | null>(null);
  const [isMigrating, setIsMigrating] = useState(false);
  const togglePick = (version: number) =>
    setPicked((current) =>
      current.includes(version) ? current.filter((v) => v !== version) : [...current, version].slice(-2),
    );
  const openComparison = (list: JourneyVersion[]) => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    const before = list.find((version) => version.number === a);
    const after = list.find((version) => version.number === b);
    if (before && after) setComparing([before, after]);
  };

  const compare = (version: number, definition: unknown) => {
    const before = JourneyDraft.parse(definition);
    const result = diffDrafts(before, canvasToDraft(store.getState()));
    setDiff({ version, diff: result });
    store.getState().setDiff(result.steps);
  };
  const close = () => {
    store.getState().setDiff(null);
    onClose();
  };

  return (
    <div className="versions-panel">
      <h2>{t('versions.title')}</h2>
      <ApiView state={versions} reload={reload}>
        {(list) => (
          <ol className="versions">
            {list.map((version) => (
              <li key={version.number} className={diff?.version === version.number ? 'active' : undefined}>
                <strong>v{version.number}</strong>{' '}
                <span className="muted">
                  {t('versions.publishedAt', { date: new Date(version.createdAt).toLocaleString(locale) })}
                </span>
                {version.summary !== null && <p className="version-summary">{version.summary}</p>}
                <label className="pick">
                  <input
                    type="checkbox"
                    checked={picked.includes(version.number)}
                    onChange={() => togglePick(version.number)}
                  />{' '}
                  {t('versions.pick')}
                </label>{' '}
                <button type="button" onClick={() => compare(version.number, version.definition)}>
                  {t('versions.compare')}
                </button>
              </li>
            ))}
          </ol>
        )}
      </ApiView>
      {versions.status === 'ready' && picked.length === 2 && (
        <button type="button" className="primary" onClick={() => openComparison(versions.data)}>
          {t('versions.compareTwo', { a: Math.min(...picked), b: Math.max(...picked) })}
        </button>
      )}
      {/* Clients wait on published versions only: moving them needs a second version to go to. */}
      {versions.status === 'ready' && versions.data.length >= 2 && (
        <button type="button" onClick={() => setIsMigrating(true)}>
          {t('migration.open')}
        </button>
      )}
      {isMigrating && versions.status === 'ready' && (
        <MigrationDialog
          journeyId={journeyId}
          versions={versions.data}
          initial={defaultVersionPair(versions.data, picked)}
          onClose={() => setIsMigrating(false)}
        />
      )}
      {comparing && (
        <VersionCompareDialog before={comparing[0]} after={comparing[1]} onClose={() => setComparing(null)} />
      )}
      {diff && (
        <ul className="diff-legend">
          {Object.entries(diff.diff.steps).map(([id, change]) => (
            <li key={id} className={`diff-${change}`}>
              {t(`versions.${change}`)}: {id}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={close}>
        {t('common.close')}
      </button>
    </div>
  );
}
