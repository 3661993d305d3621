import type { SandboxSmsReceipt } from '../api/schemas';
import type { MessageKey } from '../i18n/i18n';

/**
 * Where a text stands for the marketer: no receipt yet, handed to the operator, delivered, or not
 * delivered for one of the operator's reasons.
 */
export const DELIVERY_BADGES = [
  'waiting',
  'onItsWay',
  'delivered',
  'unknownNumber',
  'unreachable',
  'refused',
] as const;
export type DeliveryBadge = (typeof DELIVERY_BADGES)[number];

/** What one receipt says, as a badge. */
export function badgeOfReceipt(receipt: SandboxSmsReceipt): DeliveryBadge {
  switch (receipt.state) {
    case 'pending':
      return 'onItsWay';
    case 'delivered':
      return 'delivered';
    case 'failed':
      // A failure without a reason is still final: the operator gave up on the text.
      return receipt.reason ?? 'refused';
    default: {
      const unknown: never = receipt.state;
      throw new Error(`unknown delivery state ${String(unknown)}`);
    }
  }
}

/** The latest receipt decides: receipts arrive in order, so an early `sent` never hides `delivered`. */
export function badgeOfReceipts(receipts: SandboxSmsReceipt[]): DeliveryBadge {
  const latest = receipts.at(-1);
  return latest ? badgeOfReceipt(latest) : 'waiting';
}

/** The badge's colour family. */
export function toneOfBadge(badge: DeliveryBadge): 'pending' | 'good' | 'bad' {
  switch (badge) {
    case 'waiting':
    case 'onItsWay':
      return 'pending';
    case 'delivered':
      return 'good';
    case 'unknownNumber':
    case 'unreachable':
    case 'refused':
      return 'bad';
    default: {
      const unknown: never = badge;
      throw new Error(`unknown delivery badge ${String(unknown)}`);
    }
  }
}

/** The interface text of each badge. */
export const BADGE_LABELS: Record<DeliveryBadge, MessageKey> = {
  waiting: 'sandbox.delivery.waiting',
  onItsWay: 'sandbox.delivery.onItsWay',
  delivered: 'sandbox.delivery.delivered',
  unknownNumber: 'sandbox.delivery.unknownNumber',
  unreachable: 'sandbox.delivery.unreachable',
  refused: 'sandbox.delivery.refused',
};
