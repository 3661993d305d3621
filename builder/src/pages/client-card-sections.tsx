import { CHANNEL_KINDS, EnrollmentStatus } from '@touchpoint/language';
import type { ClientCard, TimelineEntry } from '../api/schemas';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { formatAmount, journeyName } from './describe-timeline-entry';

/** Consent per channel: agreed or refused with the date, or not asked. */
export function ConsentList({ consent }: { consent: ClientCard['consent'] }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  return (
    <dl className="kv consent" data-testid="client-consent">
      {CHANNEL_KINDS.map((channel) => {
        const given = consent[channel];
        const date = given ? new Date(given.updatedAt).toLocaleDateString(locale) : '';
        return (
          <div key={channel}>
            <dt>{t(`channel.${channel}`)}</dt>
            <dd className={given?.status === 'granted' ? 'consent-granted' : 'muted'}>
              {given ? t(`card.consent.${given.status}`, { date }) : t('card.consent.none')}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The client's orders, newest first, from the timeline's purchase entries. */
export function PurchaseList({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const purchases = entries.filter((entry) => entry.kind === 'purchase').reverse();
  if (purchases.length === 0) return <p className="muted">{t('client.noPurchases')}</p>;
  return (
    <ul className="purchase-list">
      {purchases.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleDateString(locale)}</time>{' '}
          <strong>{formatAmount(entry, locale)}</strong>
        </li>
      ))}
    </ul>
  );
}

const RUN_STATUSES = EnrollmentStatus.options;

/** Each run of a journey the client was in: its name, where the run is, and its Temporal link. */
export function JourneyRuns({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const runs = entries.filter((entry) => entry.kind === 'enrollment').reverse();
  if (runs.length === 0) return <p className="muted">{t('card.noJourneys')}</p>;
  return (
    <ul className="journey-runs" data-testid="client-journeys">
      {runs.map((run) => {
        const exit = entries.find(
          (entry) => entry.kind === 'exit' && entry.enrollmentId === run.enrollmentId,
        );
        const status = RUN_STATUSES.find((name) => name === (exit?.status ?? run.status)) ?? 'active';
        return (
          <li key={run.enrollmentId ?? run.at}>
            {run.journeyId ? (
              <a href={formatRoute({ page: 'editor', journeyId: run.journeyId })}>{journeyName(run)}</a>
            ) : (
              journeyName(run)
            )}{' '}
            <span className={`status status-run-${status}`}>{t(`card.status.${status}`)}</span>{' '}
            <span className="muted">
              {t('card.enteredOn', { date: new Date(run.at).toLocaleDateString(locale) })}
            </span>
            {run.temporalUiUrl && (
              <>
                {' · '}
                <a href={run.temporalUiUrl} target="_blank" rel="noreferrer">
                  {t('card.temporal')}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
