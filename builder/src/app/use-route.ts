import { useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, re-rendering on hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Navigates by writing the hash (keeps back/forward working). */
export function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
}
