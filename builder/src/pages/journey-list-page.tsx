import { useState } from 'react';
import { api } from '../api/client';
import type { JourneyListTotals } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { CursorPager, useCursorPages } from './cursor-pager';
import { createAndOpenJourney } from './create-journey';
import { ImportFailureBox, ImportJourneyButton, type ImportFailure } from './import-journey-button';
import { ServerError } from './server-error';
import { useSettled } from './use-settled';

/** Clients in, conversion and failed runs of one journey (all versions), from the list's own totals. */
function JourneyTotalsCells({ totals, locale }: { totals: JourneyListTotals; locale: string }) {
  const { enrolled, converted, failed } = totals;
  return (
    <>
      <td>{enrolled.toLocaleString(locale)}</td>
      <td>{enrolled === 0 ? '—' : `${((converted / enrolled) * 100).toFixed(1)}%`}</td>
      <td className={failed > 0 ? 'failed-count' : 'muted'} data-testid="journey-failed">
        {failed.toLocaleString(locale)}
      </td>
    </>
  );
}

/** Journeys per page of the list. */
export const JOURNEYS_PER_PAGE = 20;

/**
 * Journeys with their status, live version, clients in, conversion and failed runs: searched by name,
 * archived ones hidden until asked for, a page at a time (the cursors of the pages seen so far are kept,
 * so "previous" goes back exactly).
 */
export function JourneyListPage() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const q = useSettled(search);
  const archived = showArchived ? 'include' : 'exclude';
  const filter = `${q}|${archived}`;
  const pages = useCursorPages(filter);
  const { cursor } = pages;
  const [journeys, reload] = useApi(
    () => api.listJourneyPage({ q, archived, limit: JOURNEYS_PER_PAGE, cursor }),
    `journeys|${filter}|${cursor ?? ''}`,
  );
  const [createError, setCreateError] = useState<{ failure: unknown } | null>(null);
  const [importFailure, setImportFailure] = useState<ImportFailure | null>(null);
  const create = () =>
    createAndOpenJourney(t('journeys.newName')).catch((failure: unknown) => setCreateError({ failure }));
  return (
    <div className="list-page">
      <div className="page-head">
        <h1>{t('journeys.title')}</h1>
        <a className="button" href={formatRoute({ page: 'templates' })}>
          {t('journeys.fromTemplate')}
        </a>
        <ImportJourneyButton onFailure={setImportFailure} />
        <button type="button" className="primary" onClick={() => void create()} data-testid="new-journey">
          + {t('journeys.new')}
        </button>
      </div>
      {importFailure && <ImportFailureBox failure={importFailure} />}
      {createError && (
        <ServerError
          error={createError.failure}
          wrap={(text) => t('serverError.createFailed', { message: text })}
        />
      )}
      <div className="list-filters">
        <input
          type="search"
          value={search}
          placeholder={t('journeys.search')}
          aria-label={t('journeys.search')}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="journey-search"
        />
        <label>
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />{' '}
          {t('journeys.showArchived')}
        </label>
      </div>
      <ApiView state={journeys} reload={reload}>
        {({ items: list, nextCursor }) =>
          list.length === 0 ? (
            <p className="empty">{q || pages.page > 1 ? t('journeys.noneFound') : t('journeys.empty')}</p>
          ) : (
            <>
              <table className="journey-table">
                <thead>
                  <tr>
                    <th>{t('journeys.col.name')}</th>
                    <th>{t('journeys.col.status')}</th>
                    <th>{t('journeys.col.version')}</th>
                    <th>{t('journeys.col.enrolled')}</th>
                    <th>{t('journeys.col.conversion')}</th>
                    <th title={t('journeys.col.failed.hint')}>{t('journeys.col.failed')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {list.map((journey) => (
                    <tr key={journey.id}>
                      <td className="journey-name">
                        <a href={formatRoute({ page: 'editor', journeyId: journey.id })} title={journey.name}>
                          {journey.name}
                        </a>
                      </td>
                      <td>
                        <span className={`status status-${journey.status}`}>
                          {t(`status.${journey.status}`)}
                        </span>
                      </td>
                      <td>{journey.currentVersion === null ? '—' : `v${journey.currentVersion}`}</td>
                      <JourneyTotalsCells totals={journey.totals} locale={locale} />
                      <td>
                        <a href={formatRoute({ page: 'report', journeyId: journey.id })}>
                          {t('report.open')}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <CursorPager
                pages={pages}
                nextCursor={nextCursor}
                label={t('journeys.pages')}
                testId="journey-page"
              />
            </>
          )
        }
      </ApiView>
    </div>
  );
}
