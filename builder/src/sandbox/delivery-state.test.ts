import { describe, expect, it } from 'vitest';
import type { SandboxSmsReceipt } from '../api/schemas';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { BADGE_LABELS, badgeOfReceipts, DELIVERY_BADGES, toneOfBadge } from './delivery-state';

function receipt(fields: Partial<SandboxSmsReceipt>): SandboxSmsReceipt {
  return {
    status: 'sent',
    state: 'pending',
    reason: null,
    detail: 'sent',
    outcome: 'posted',
    postedAt: '2025-03-01T10:00:00.000Z',
    ...fields,
  };
}

describe("a text's delivery badge", () => {
  it('waits without receipts and follows the latest one', () => {
    expect(badgeOfReceipts([])).toBe('waiting');
    expect(badgeOfReceipts([receipt({})])).toBe('onItsWay');
    expect(badgeOfReceipts([receipt({}), receipt({ status: 'delivered', state: 'delivered' })])).toBe(
      'delivered',
    );
  });

  it("names the operator's reason for a failure, and calls a failure without one refused", () => {
    const failed = (reason: SandboxSmsReceipt['reason']) =>
      badgeOfReceipts([receipt({}), receipt({ state: 'failed', reason })]);
    expect(failed('unknownNumber')).toBe('unknownNumber');
    expect(failed('unreachable')).toBe('unreachable');
    expect(failed(null)).toBe('refused');
    expect(toneOfBadge('unknownNumber')).toBe('bad');
    expect(toneOfBadge('delivered')).toBe('good');
    expect(toneOfBadge('waiting')).toBe('pending');
  });

  it('has a distinct label in English and Russian for every badge', () => {
    for (const dictionary of [en, ru]) {
      const labels = DELIVERY_BADGES.map((badge) => dictionary[BADGE_LABELS[badge]]);
      expect(new Set(labels).size).toBe(DELIVERY_BADGES.length);
    }
  });
});
