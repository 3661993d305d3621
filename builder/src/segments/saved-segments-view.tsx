import { useState } from 'react';
import type { SegmentItem } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { formatCount } from './format-segment-figure';
import { SegmentEditor } from './segment-editor';
import { segmentDisplayName } from './segment-names';
import { segmentsApi } from './segments-api';

/** The saved segments: the list (saved ones, then the built-in ones), and the editor of the chosen one. */
export function SavedSegmentsView() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [list, reload] = useApi(() => segmentsApi.listSegments(), 'segments');
  // 'new': the editor of a segment not saved yet; a string id: that saved segment.
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <ApiView state={list} reload={reload}>
      {(segments) => {
        const saved = segments.filter((s) => s.family === 'rule');
        const builtIn = segments.filter((s) => s.family !== 'rule');
        const current: SegmentItem | null = saved.find((s) => s.id === chosen) ?? null;
        const item = (segment: SegmentItem) => (
          <li key={segment.id}>
            <button
              type="button"
              className={segment.id === chosen ? 'active' : undefined}
              onClick={() => setChosen(segment.id)}
              disabled={segment.family !== 'rule'}
            >
              <span>{segmentDisplayName(segment.key, t, segment.name)}</span>
              <span className="muted">{formatCount(segment.members, locale)}</span>
            </button>
          </li>
        );
        return (
          <div className="saved-segments">
            <nav className="segment-list" aria-label={t('segments.tab.saved')} data-testid="segment-list">
              <button
                type="button"
                className="primary"
                onClick={() => setChosen('new')}
                data-testid="segment-new"
              >
                {t('segments.editor.new')}
              </button>
              {saved.length === 0 && <p className="muted">{t('segments.editor.noneSaved')}</p>}
              <ul>{saved.map(item)}</ul>
              <h3>{t('segments.builtIn')}</h3>
              <ul className="segment-list-builtin">{builtIn.map(item)}</ul>
            </nav>
            {chosen !== null && (chosen === 'new' || current) && (
              <SegmentEditor
                key={chosen}
                segment={current}
                segmentKeys={segments.map((s) => s.key)}
                onSaved={(segment) => {
                  setChosen(segment.id);
                  reload();
                }}
                onDeleted={() => {
                  setChosen(null);
                  reload();
                }}
              />
            )}
          </div>
        );
      }}
    </ApiView>
  );
}
