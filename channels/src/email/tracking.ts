import { signTrackingToken } from './tracking-token';

/** Where the API serves tracking routes and the key tokens are signed with. */
export interface TrackingConfig {
  /** Public base URL of the API, e.g. `https://touchpoint.example.com`. */
  baseUrl: string;
  secret: string;
}

/** The URLs the API serves: `/t/o/<token>` (pixel), `/t/c/<token>` (redirect), `/t/u/<token>` (unsubscribe). */
export function buildTrackingUrls(messageId: string, config: TrackingConfig) {
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    openPixel: `${base}/t/o/${signTrackingToken({ messageId, action: 'open' }, config.secret)}`,
    unsubscribe: `${base}/t/u/${signTrackingToken({ messageId, action: 'unsubscribe' }, config.secret)}`,
    click: (url: string) =>
      `${base}/t/c/${signTrackingToken({ messageId, action: 'click', url }, config.secret)}`,
  };
}

const HREF = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi;

/**
 * Rewrites every http(s) link to go through the click tracker and appends the open pixel.
 * `mailto:` and the unsubscribe link itself are left alone: a tracked unsubscribe link would count
 * as a click, and some mail clients refuse redirecting unsubscribe links.
 */
export function addTracking(html: string, messageId: string, config: TrackingConfig): string {
  const urls = buildTrackingUrls(messageId, config);
  const tracked = html.replace(HREF, (whole, prefix: string, quote: string, url: string) =>
    url === urls.unsubscribe ? whole : `${prefix}${quote}${urls.click(decodeEntities(url))}${quote}`,
  );
  const pixel = `<img src="${urls.openPixel}" width="1" height="1" alt="" style="display:block;border:0" />`;
  return /<\/body>/i.test(tracked) ? tracked.replace(/<\/body>/i, `${pixel}</body>`) : tracked + pixel;
}

/** Headers for one-click unsubscribe (RFC 2369 + RFC 8058), honoured by Gmail and Yahoo. */
export function buildUnsubscribeHeaders(messageId: string, config: TrackingConfig, mailto?: string) {
  const { unsubscribe } = buildTrackingUrls(messageId, config);
  const targets = mailto ? `<mailto:${mailto}?subject=unsubscribe>, <${unsubscribe}>` : `<${unsubscribe}>`;
  return { 'List-Unsubscribe': targets, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function decodeEntities(url: string): string {
  return url.replace(/&amp;/g, '&');
}
