import type { ChannelKind } from '../channel-kind';
import type { FrequencyCap, SentRecord } from './delivery-policy';

/** A cap that is full right now, and the instant its oldest counted send leaves the window. */
export interface CapHit {
  cap: FrequencyCap;
  count: number;
  freesAt: Date;
}

/**
 * The first full cap among `caps` for the sends in `history` (all channels when `channel` is null).
 * Windows are rolling, so "1 SMS a day" means 24 hours since the last one, not a calendar day.
 */
export function findFullCap(
  caps: readonly FrequencyCap[],
  history: readonly SentRecord[],
  channel: ChannelKind | null,
  now: Date,
): CapHit | null {
  const relevant = history.filter((sent) => channel === null || sent.channel === channel);
  for (const cap of caps) {
    const windowStart = now.getTime() - cap.windowHours * 3_600_000;
    const inWindow = relevant
      .map((sent) => sent.sentAt.getTime())
      .filter((time) => time > windowStart && time <= now.getTime())
      .sort((a, b) => b - a);
    if (inWindow.length >= cap.max) {
      // The send that must age out is the max-th most recent one.
      const blocker = inWindow[cap.max - 1] ?? now.getTime();
      return { cap, count: inWindow.length, freesAt: new Date(blocker + cap.windowHours * 3_600_000) };
    }
  }
  return null;
}

/** "2 of 1 per 24h" style text for timelines. */
export function describeCap(hit: CapHit, scope: string): string {
  return `${scope} cap ${hit.cap.max} per ${hit.cap.windowHours}h reached (${hit.count} sent), frees at ${hit.freesAt.toISOString()}`;
}
