import { useState } from 'react';
import { api } from '../api/client';
import type { ClientListItem } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { segmentsApi } from '../segments/segments-api';
import { ApiView } from './api-view';
import { CursorPager, useCursorPages } from './cursor-pager';
import { useSettled } from './use-settled';

/** Clients per page of the list. */
export const CLIENTS_PER_PAGE = 25;

/** The segment and journey pickers: every stored segment by name, every journey by name. */
function ClientFilters(props: {
  segmentKey: string;
  journeyId: string;
  onSegment: (key: string) => void;
  onJourney: (id: string) => void;
}) {
  const t = useT();
  const [segments] = useApi(() => segmentsApi.listSegments(), 'segments');
  const [journeys] = useApi(() => api.listJourneys(), 'journeys');
  return (
    <>
      <label>
        {t('clients.segment')}{' '}
        <select value={props.segmentKey} onChange={(event) => props.onSegment(event.target.value)}>
          <option value="">{t('clients.anySegment')}</option>
          {segments.status === 'ready' &&
            segments.data.map((segment) => (
              <option key={segment.key} value={segment.key}>
                {segment.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('clients.journey')}{' '}
        <select value={props.journeyId} onChange={(event) => props.onJourney(event.target.value)}>
          <option value="">{t('clients.anyJourney')}</option>
          {journeys.status === 'ready' &&
            journeys.data.map((journey) => (
              <option key={journey.id} value={journey.id}>
                {journey.name}
              </option>
            ))}
        </select>
      </label>
    </>
  );
}

function ClientRow({ client, locale }: { client: ClientListItem; locale: string }) {
  const t = useT();
  const href = formatRoute({ page: 'client', clientId: client.externalId });
  return (
    <tr>
      <td className="journey-name">
        <a href={href} title={client.externalId}>
          {client.name ?? client.externalId}
        </a>
        {client.name && <span className="muted"> · {client.externalId}</span>}
      </td>
      <td>{[client.phone, client.email].filter(Boolean).join(' · ') || '—'}</td>
      <td>{client.purchaseCount.toLocaleString(locale)}</td>
      <td>
        {client.lastPurchaseAt ? new Date(client.lastPurchaseAt).toLocaleDateString(locale) : '—'}
        {client.isOverdue && <span className="sla"> · {t('client.overdue')}</span>}
      </td>
    </tr>
  );
}

/**
 * Every client, searched by a part of the name, email, phone or id (the server's trigram index),
 * narrowed to a segment or a journey, a page at a time; each opens the client's card.
 */
export function ClientListPage() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [search, setSearch] = useState('');
  const [segmentKey, setSegmentKey] = useState('');
  const [journeyId, setJourneyId] = useState('');
  const q = useSettled(search);
  const filter = `${q}|${segmentKey}|${journeyId}`;
  const pages = useCursorPages(filter);
  const { cursor } = pages;
  const [page, reload] = useApi(
    () =>
      api.listClients({
        q: q.trim(),
        segmentKey,
        journeyId,
        limit: CLIENTS_PER_PAGE,
        cursor: cursor ?? undefined,
      }),
    `clients|${filter}|${cursor ?? ''}`,
  );
  return (
    <div className="list-page">
      <div className="page-head">
        <h1>{t('clients.title')}</h1>
      </div>
      <div className="list-filters">
        <input
          type="search"
          value={search}
          placeholder={t('clients.search')}
          aria-label={t('clients.search')}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="client-search"
        />
        <ClientFilters
          segmentKey={segmentKey}
          journeyId={journeyId}
          onSegment={setSegmentKey}
          onJourney={setJourneyId}
        />
      </div>
      <ApiView state={page} reload={reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <p className="empty">{t('clients.empty')}</p>
          ) : (
            <>
              <table className="journey-table client-table">
                <thead>
                  <tr>
                    <th>{t('clients.col.client')}</th>
                    <th>{t('clients.col.contact')}</th>
                    <th>{t('clients.col.purchases')}</th>
                    <th>{t('clients.col.lastPurchase')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((client) => (
                    <ClientRow key={client.externalId} client={client} locale={locale} />
                  ))}
                </tbody>
              </table>
              <CursorPager
                pages={pages}
                nextCursor={nextCursor}
                label={t('clients.pages')}
                testId="client-page"
              />
            </>
          )
        }
      </ApiView>
    </div>
  );
}
