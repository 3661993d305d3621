import { useState } from 'react';
import { api } from '../api/client';
import type { JourneyListTotals } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';
import { createAndOpenJourney } from './create-journey';
import { ServerError } from './server-error';

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

/** All journeys with their status, live version, clients in, conversion and failed runs. */
export function JourneyListPage() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [journeys, reload] = useApi(() => api.listJourneys(), 'journeys');
  const [createError, setCreateError] = useState<{ failure: unknown } | null>(null);
  const create = () =>
    createAndOpenJourney(t('journeys.newName')).catch((failure: unknown) => setCreateError({ failure }));
  return (
    <div className="list-page">
      <div className="page-head">
        <h1>{t('journeys.title')}</h1>
        <a className="button" href={formatRoute({ page: 'templates' })}>
          {t('journeys.fromTemplate')}
        </a>
        <button type="button" className="primary" onClick={() => void create()} data-testid="new-journey">
          + {t('journeys.new')}
        </button>
      </div>
      {createError && (
        <ServerError
          error={createError.failure}
          wrap={(text) => t('serverError.createFailed', { message: text })}
        />
      )}
      <ApiView state={journeys} reload={reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('journeys.empty')}</p>
          ) : (
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
                    <td>
                      <a href={formatRoute({ page: 'editor', journeyId: journey.id })}>{journey.name}</a>
                    </td>
                    <td>
                      <span className={`status status-${journey.status}`}>
                        {t(`status.${journey.status}`)}
                      </span>
                    </td>
                    <td>{journey.currentVersion === null ? '—' : `v${journey.currentVersion}`}</td>
                    <JourneyTotalsCells totals={journey.totals} locale={locale} />
                    <td>
                      <a href={formatRoute({ page: 'report', journeyId: journey.id })}>{t('report.open')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ApiView>
    </div>
  );
}
