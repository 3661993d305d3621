import { useMemo } from 'react';
import type { JourneyVersion } from '../api/schemas';
import { draftToCanvas } from '../canvas/convert';
import { diffDrafts } from '../canvas/diff';
import { JourneyDraft } from '../canvas/draft';
import { createEditorStore } from '../canvas/editor-store';
import { ReadOnlyCanvas } from '../canvas/read-only-canvas';
import { useT } from '../i18n/i18n';

/**
 * Builds the read-only canvas of a two-version comparison: the newer version's steps, coloured by
 * change, plus the steps only the older version had, ghosted where they used to be.
 */
export function buildComparison(before: unknown, after: unknown) {
  const older = JourneyDraft.parse(before);
  const newer = JourneyDraft.parse(after);
  const diff = diffDrafts(older, newer);
  const canvas = draftToCanvas(newer);
  const removed = draftToCanvas(older).nodes.filter((node) => diff.steps[node.id] === 'removed');
  return { canvas: { ...canvas, nodes: [...canvas.nodes, ...removed] }, diff };
}

/** Two published versions side by side in time: what v{after} changed against v{before}. */
export function VersionCompareDialog({
  before,
  after,
  onClose,
}: {
  before: JourneyVersion;
  after: JourneyVersion;
  onClose: () => void;
}) {
  const t = useT();
  const store = useMemo(() => {
    const { canvas, diff } = buildComparison(before.definition, after.definition);
    const created = createEditorStore(canvas);
    created.getState().setDiff(diff.steps);
    return created;
  }, [before, after]);
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-label={t('versions.compareTitle')}>
      <div className="dialog wide">
        <h2>{t('versions.compareTwo', { a: before.number, b: after.number })}</h2>
        <div className="compare-canvas" data-testid="compare-canvas">
          <ReadOnlyCanvas store={store} />
        </div>
        <p className="diff-legend-line">
          <span className="diff-added">■ {t('versions.added')}</span>{' '}
          <span className="diff-changed">■ {t('versions.changed')}</span>{' '}
          <span className="diff-removed">■ {t('versions.removed')}</span>
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
