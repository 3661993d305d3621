import { useState } from 'react';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { createAndOpenJourney } from '../pages/create-journey';
import { ServerError } from '../pages/server-error';
import { ExportButton } from './export-button';
import { segmentsApi } from './segments-api';

/** A new journey's draft whose entry is "the client entered this segment". */
export function segmentEntryDraft(segmentKey: string) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'entry',
        kind: 'entry',
        config: { trigger: { kind: 'segment', segment: segmentKey, on: 'enter' } },
      },
    ],
    edges: [],
    layout: { entry: { x: 0, y: 0 } },
  };
}

/**
 * What a clicked cell or stage offers: its figures (given by the picture), its members, a CSV for
 * retargeting, and "start a journey for it": a new draft entered on `segment.entered` of the segment.
 */
export function SegmentMembersPanel({
  segmentId,
  segmentKey,
  title,
  figures,
}: {
  segmentId: string | null;
  segmentKey: string;
  title: string;
  figures: string;
}) {
  const t = useT();
  const [members, reload] = useApi(
    () => (segmentId === null ? Promise.resolve(null) : segmentsApi.listMembers(segmentId)),
    `members:${segmentId ?? 'none'}`,
  );
  const [startError, setStartError] = useState<unknown>(null);
  const start = () =>
    createAndOpenJourney(t('segments.journeyName', { segment: title }), segmentEntryDraft(segmentKey)).catch(
      setStartError,
    );
  return (
    <aside className="segment-panel" data-testid="segment-panel" aria-label={title}>
      <h2>{title}</h2>
      <p className="segment-panel-figures">{figures}</p>
      <div className="segment-panel-actions">
        <button type="button" className="primary" onClick={() => void start()} data-testid="start-journey">
          {t('segments.startJourney')}
        </button>
        {segmentId !== null && <ExportButton segmentId={segmentId} fileName={`${segmentKey}.csv`} />}
      </div>
      {startError !== null && (
        <ServerError error={startError} wrap={(text) => t('segments.startFailed', { message: text })} />
      )}
      <h3>{t('segments.members')}</h3>
      <ApiView state={members} reload={reload}>
        {(page) =>
          page === null || page.items.length === 0 ? (
            <p className="muted">{t('segments.noMembers')}</p>
          ) : (
            <ul className="segment-members" data-testid="segment-members">
              {page.items.map((member) => (
                <li key={member.clientId}>
                  <a href={formatRoute({ page: 'client', clientId: member.clientId })}>{member.clientId}</a>
                  <span className="muted"> {member.email ?? member.phone ?? ''}</span>
                </li>
              ))}
              {page.nextCursor !== null && <li className="muted">{t('segments.moreMembers')}</li>}
            </ul>
          )
        }
      </ApiView>
    </aside>
  );
}
