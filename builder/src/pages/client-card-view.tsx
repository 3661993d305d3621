import { api } from '../api/client';
import type { ClientFacts } from '../api/schemas';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';

function FactsList({ facts }: { facts: ClientFacts }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(locale) : '—');
  const rows: [string, string][] = [
    [t('client.purchaseCount'), String(facts.purchaseCount)],
    [t('client.totalValue'), facts.totalValue.toLocaleString(locale)],
    [t('client.lastPurchase'), date(facts.lastPurchaseAt)],
    [
      t('client.meanInterval'),
      facts.meanIntervalDays === null
        ? '—'
        : t('client.daysValue', { days: Math.round(facts.meanIntervalDays) }),
    ],
    [t('client.expectedNext'), date(facts.expectedNextPurchaseAt)],
  ];
  return (
    <dl className="kv facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {facts.isOverdue && <p className="overdue">⚠ {t('client.overdue')}</p>}
    </dl>
  );
}

/** A client's profile and purchase rhythm, as the operator sees it before calling. */
export function ClientCardView({ clientId }: { clientId: string }) {
  const t = useT();
  const [client, reload] = useApi(() => api.getClient(clientId), clientId);
  return (
    <ApiView state={client} reload={reload}>
      {(card) => {
        const name = typeof card.attributes.name === 'string' ? card.attributes.name : card.externalId;
        return (
          <div className="client-card">
            <h2>
              <a href={formatRoute({ page: 'client', clientId: card.externalId })}>{name}</a>
            </h2>
            <p className="muted">{[card.phone, card.email].filter(Boolean).join(' · ')}</p>
            <h3>{t('operator.purchases')}</h3>
            {card.facts ? (
              <FactsList facts={card.facts} />
            ) : (
              <p className="muted">{t('client.noPurchases')}</p>
            )}
          </div>
        );
      }}
    </ApiView>
  );
}
