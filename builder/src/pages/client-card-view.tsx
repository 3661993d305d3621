import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatRoute } from '../app/routes';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from './api-view';

/** A client's profile and last purchases, as the operator sees it before calling. */
export function ClientCardView({ clientId }: { clientId: string }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [client, reload] = useApi(() => api.getClient(clientId), clientId);
  return (
    <ApiView state={client} reload={reload}>
      {(card) => (
        <div className="client-card">
          <h2>
            <a href={formatRoute({ page: 'client', clientId: card.id })}>{card.name ?? card.id}</a>
          </h2>
          <p className="muted">{[card.phone, card.email].filter(Boolean).join(' · ')}</p>
          <h3>{t('operator.purchases')}</h3>
          <ul className="purchases">
            {card.purchases.slice(0, 5).map((purchase) => (
              <li key={purchase.occurredAt}>
                {new Date(purchase.occurredAt).toLocaleDateString(locale)} —{' '}
                {purchase.amount.toLocaleString(locale)} {purchase.product ?? ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ApiView>
  );
}
