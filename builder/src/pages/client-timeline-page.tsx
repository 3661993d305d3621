import { api } from '../api/client';
import type { TimelineEntry } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { ConsentList, JourneyRuns, PurchaseList } from './client-card-sections';
import { ClientCardView } from './client-card-view';
import { describeReason, describeTimelineEntry } from './describe-timeline-entry';

/** Everything that happened to the client, newest first, each in the marketer's words. */
function History({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  if (entries.length === 0) return <p className="empty">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {[...entries]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((entry, index) => (
          <li key={`${entry.at}-${index}`} className={`timeline-${entry.kind}`}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale)}</time>{' '}
            <strong title={entry.title}>{describeTimelineEntry(entry, t, locale)}</strong>
            {entry.reason && (
              <span className="muted">
                {' '}
                {t('timeline.why')} {describeReason(entry, t)}
              </span>
            )}
            {entry.journeyId && (
              <>
                {' '}
                <a href={formatRoute({ page: 'editor', journeyId: entry.journeyId })}>
                  {t('timeline.openJourney')}
                </a>
              </>
            )}
            {entry.temporalUiUrl && (
              <>
                {' '}
                <a href={entry.temporalUiUrl} target="_blank" rel="noreferrer">
                  {t('timeline.engineLog')}
                </a>
              </>
            )}
            {entry.note && <span className="timeline-note">{t('timeline.note', { note: entry.note })}</span>}
          </li>
        ))}
    </ol>
  );
}

/**
 * The client card: who they are and their purchase rhythm, consent per channel, their orders, the
 * journeys they were in (each with its Temporal run), and everything that happened, newest first.
 */
export function ClientTimelinePage({ clientId }: { clientId: string }) {
  const t = useT();
  const [client, reloadClient] = useApi(() => api.getClient(clientId), `client|${clientId}`);
  const [timeline, reload] = useApi(() => api.getClientTimeline(clientId), clientId);
  return (
    <div className="timeline-page">
      <p>
        <a href={formatRoute({ page: 'clients' })}>← {t('card.back')}</a>
      </p>
      <ClientCardView clientId={clientId} />
      <ApiView state={timeline} reload={reload}>
        {(entries) => (
          <>
            <div className="client-sections">
              <section>
                <h3>{t('card.consent')}</h3>
                <ApiView state={client} reload={reloadClient}>
                  {(card) => <ConsentList consent={card.consent} />}
                </ApiView>
              </section>
              <section>
                <h3>{t('card.purchases')}</h3>
                <PurchaseList entries={entries} />
              </section>
              <section>
                <h3>{t('card.journeys')}</h3>
                <JourneyRuns entries={entries} />
              </section>
            </div>
            <h2>{t('card.history')}</h2>
            <History entries={entries} />
          </>
        )}
      </ApiView>
    </div>
  );
}
