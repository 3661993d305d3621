import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';

function versionOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('version' in value)) return null;
  return typeof value.version === 'number' ? value.version : null;
}

/**
 * The saves of the delivery settings from the audit trail: when, who, which version. The trail is
 * for admin keys; a key without the scope sees no list rather than an error.
 */
export function DeliveryHistory() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [changes] = useApi(() => api.listDeliverySettingsChanges(), 'delivery-history');
  if (changes.status === 'loading') return null;
  if (changes.status === 'error') {
    const isForbidden = changes.error instanceof ApiError && changes.error.status === 403;
    return isForbidden ? null : <p className="muted">{String(changes.error)}</p>;
  }
  return (
    <section className="delivery-section" data-testid="delivery-history">
      <h2>{t('delivery.history.title')}</h2>
      {changes.data.length === 0 ? (
        <p className="muted">{t('delivery.history.none')}</p>
      ) : (
        <ul className="settings-change-list">
          {changes.data.map((entry) => (
            <li key={entry.id}>
              {t('delivery.history.entry', {
                at: new Date(entry.at).toLocaleString(locale),
                who: entry.actor,
                version: versionOf(entry.after) ?? '?',
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
