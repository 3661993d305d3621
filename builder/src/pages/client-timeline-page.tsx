import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { ClientCardView } from './client-card-view';
import { describeTimelineEntry } from './describe-timeline-entry';

/** Everything that happened to one client, newest first, each with the step that caused it. */
export function ClientTimelinePage({ clientId }: { clientId: string }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [timeline, reload] = useApi(() => api.getClientTimeline(clientId), clientId);
  return (
    <div className="timeline-page">
      <h1>{t('timeline.title')}</h1>
      <ClientCardView clientId={clientId} />
      <ApiView state={timeline} reload={reload}>
        {(entries) =>
          entries.length === 0 ? (
            <p className="empty">{t('timeline.empty')}</p>
          ) : (
            <ol className="timeline">
              {[...entries]
                .sort((a, b) => b.at.localeCompare(a.at))
                .map((entry, index) => (
                  <li key={`${entry.at}-${index}`} className={`timeline-${entry.kind}`}>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale)}</time>
                    <strong title={entry.title}>{describeTimelineEntry(entry, t, locale)}</strong>
                    {entry.reason && (
                      <span className="muted">
                        {' '}
                        {t('timeline.why')} {entry.reason}
                      </span>
                    )}
                    {entry.journeyId && (
                      <a href={formatRoute({ page: 'editor', journeyId: entry.journeyId })}>
                        {t('timeline.openJourney')}
                      </a>
                    )}
                    {entry.temporalUiUrl && (
                      <a href={entry.temporalUiUrl} target="_blank" rel="noreferrer">
                        {t('timeline.engineLog')}
                      </a>
                    )}
                  </li>
                ))}
            </ol>
          )
        }
      </ApiView>
    </div>
  );
}
