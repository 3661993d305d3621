import { events, isNull } from '@touchpoint/db';
import { waitUntil } from './patience';
import type { TestProduct } from './test-product';

/** What the journey list and the canvas overlay read (`GET /v1/journeys/:id/stats`). */
export interface StatsAnswer {
  totals: { enrolled: number; active: number; converted: number };
  nodes: Record<string, { entered: number; waiting: number; sent: number; converted: number }>;
}

/** One entry of a client's timeline (`GET /v1/clients/:id/timeline`). */
export interface TimelineAnswerEntry {
  kind: string;
  journeyId: string | null;
  nodeId: string | null;
  enrollmentId: string | null;
  status: string | null;
  reason: string | null;
  outcome: string | null;
  messageId: string | null;
  channel: string | null;
}

export const readStats = (tp: TestProduct, journeyId: string) =>
  tp.call<StatsAnswer>('GET', `/v1/journeys/${journeyId}/stats`);

export const readTimeline = async (tp: TestProduct, clientExternalId: string) =>
  (await tp.call<{ items: TimelineAnswerEntry[] }>('GET', `/v1/clients/${clientExternalId}/timeline`)).items;

/** Waits until the router has handed every stored event to Temporal (or found nobody to give it to). */
export async function waitUntilAllRouted(tp: TestProduct, timeoutMs = 30_000): Promise<void> {
  await waitUntil(async () => {
    const pending = await tp.database.db
      .select({ id: events.id })
      .from(events)
      .where(isNull(events.routedAt));
    return pending.length === 0;
  }, timeoutMs);
}

/** Consent for every channel, as a CRM would send it with a client. */
export function grantedConsent(): Record<'email' | 'sms' | 'call', { status: 'granted'; updatedAt: string }> {
  const granted = { status: 'granted' as const, updatedAt: new Date().toISOString() };
  return { email: granted, sms: granted, call: granted };
}
