import { useId } from 'react';
import type { SandboxSmsReceipt } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { BADGE_LABELS, badgeOfReceipt, badgeOfReceipts, toneOfBadge } from './delivery-state';
import { useFormatTime } from './use-format-time';

/**
 * A text's latest delivery state as a small coloured pill; hovering or focusing it shows every
 * receipt the operator posted, with its time.
 */
export function DeliveryBadge({ receipts }: { receipts: SandboxSmsReceipt[] }) {
  const t = useT();
  const historyId = useId();
  const badge = badgeOfReceipts(receipts);
  return (
    <span className="delivery">
      <span
        className={`status delivery-badge delivery-${toneOfBadge(badge)}`}
        tabIndex={0}
        aria-describedby={historyId}
        data-testid="delivery-badge"
        data-badge={badge}
      >
        {t(BADGE_LABELS[badge])}
      </span>
      <span className="delivery-history" role="tooltip" id={historyId}>
        <strong>{t('sandbox.delivery.history')}</strong>
        <ReceiptHistory receipts={receipts} />
      </span>
    </span>
  );
}

function ReceiptHistory({ receipts }: { receipts: SandboxSmsReceipt[] }) {
  const t = useT();
  const formatTime = useFormatTime();
  if (receipts.length === 0) return <span className="muted">{t('sandbox.delivery.none')}</span>;
  return (
    <ol>
      {receipts.map((receipt) => (
        <li key={`${receipt.postedAt}-${receipt.status}`}>
          <time dateTime={receipt.postedAt}>{formatTime(receipt.postedAt)}</time>
          <span>
            {t(BADGE_LABELS[badgeOfReceipt(receipt)])}
            <span className="muted"> · {receipt.detail}</span>
            {receipt.outcome === 'failed' && (
              <span className="delivery-not-accepted">{t('sandbox.delivery.notAccepted')}</span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
