/**
 * The sign-in link `npm start` prints: `http://127.0.0.1:3000/#/?key=<api key>`. The key rides in
 * the hash so it never reaches a server log; the app stores it and strips it from the address bar.
 */
export const KEY_PARAM = 'key';

/** The sign-in link for an app served at `appUrl` (its origin, with or without a trailing slash). */
export function formatSignInUrl(appUrl: string, apiKey: string): string {
  return `${appUrl.replace(/\/+$/, '')}/#/?${KEY_PARAM}=${encodeURIComponent(apiKey)}`;
}

/**
 * Splits a location hash such as `#/journeys/j1?key=abc&x=1` into the key (null when absent or
 * blank) and the hash without it (`#/journeys/j1?x=1`), so the page stays where the link pointed.
 */
export function takeKeyFromHash(hash: string): { key: string | null; hash: string } {
  const queryAt = hash.indexOf('?');
  if (queryAt < 0) return { key: null, hash };
  const params = new URLSearchParams(hash.slice(queryAt + 1));
  const key = params.get(KEY_PARAM)?.trim() || null;
  params.delete(KEY_PARAM);
  const rest = params.toString();
  return { key, hash: `${hash.slice(0, queryAt)}${rest ? `?${rest}` : ''}` };
}
