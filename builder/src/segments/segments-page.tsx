import { formatRoute, SEGMENT_TABS, type SegmentTab } from '../app/routes';
import { useT } from '../i18n/i18n';
import { LifecycleGridView } from './lifecycle-grid';
import { RfmHeatmapView } from './rfm-heatmap';
import { SavedSegmentsView } from './saved-segments-view';
import { TransitionMatrixView } from './transition-matrix';
import './segments.css';

function renderTab(tab: SegmentTab) {
  switch (tab) {
    case 'rfm':
      return <RfmHeatmapView />;
    case 'lifecycle':
      return <LifecycleGridView />;
    case 'moves':
      return <TransitionMatrixView />;
    case 'saved':
      return <SavedSegmentsView />;
  }
}

/** Segmentation: the RFM heatmap, the lifecycle grid, the moves between them and the saved segments. */
export function SegmentsPage({ tab }: { tab: SegmentTab }) {
  const t = useT();
  return (
    <div className="segments-page">
      <h1>{t('segments.title')}</h1>
      <nav className="tabs" aria-label={t('segments.title')}>
        {SEGMENT_TABS.map((name) => (
          <a
            key={name}
            href={formatRoute({ page: 'segments', tab: name })}
            className={tab === name ? 'active' : undefined}
            aria-current={tab === name ? 'page' : undefined}
          >
            {t(`segments.tab.${name}`)}
          </a>
        ))}
      </nav>
      {renderTab(tab)}
    </div>
  );
}
