import { CHANNEL_KINDS, type ChannelKind } from '@touchpoint/language';

/**
 * The app's pages. Routing lives in the URL hash so the built app can be served as plain static
 * files by the API (or any static server) without server-side rewrites.
 */
export const PAGE_NAMES = [
  'journeys',
  'editor',
  'report',
  'templates',
  'operator',
  'clients',
  'client',
  'sandbox',
  'funnel',
  'globalControl',
  'delivery',
  'segments',
  'messages',
  'message',
  'newMessage',
] as const;
export type PageName = (typeof PAGE_NAMES)[number];

/** The segmentation pages: the RFM heatmap, the lifecycle grid, the moves between them, saved segments. */
export const SEGMENT_TABS = ['rfm', 'lifecycle', 'moves', 'saved'] as const;
export type SegmentTab = (typeof SEGMENT_TABS)[number];

/** A parsed location: which page, and the id it is about when it has one. */
export type Route =
  | { page: 'journeys' }
  | { page: 'editor'; journeyId: string }
  | { page: 'report'; journeyId: string }
  | { page: 'templates' }
  | { page: 'operator' }
  | { page: 'clients' }
  | { page: 'client'; clientId: string }
  | { page: 'sandbox' }
  | { page: 'funnel' }
  | { page: 'globalControl' }
  | { page: 'delivery' }
  | { page: 'segments'; tab: SegmentTab }
  | { page: 'messages' }
  | { page: 'message'; templateId: string }
  | { page: 'newMessage'; channel: ChannelKind };

/** Reads a route from a location hash such as `#/journeys/j_1`; unknown hashes land on the list. */
export function parseRoute(hash: string): Route {
  // A query after the path (`#/?key=…` sign-in links) is not part of the route.
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path
    .split('/')
    .filter((part) => part.length > 0)
    .map((part) => decodeURIComponent(part));
  const [head, id, sub] = parts;
  if (head === 'journeys' && id !== undefined && sub === 'report') return { page: 'report', journeyId: id };
  if (head === 'journeys' && id !== undefined) return { page: 'editor', journeyId: id };
  if (head === 'templates') return { page: 'templates' };
  if (head === 'messages' && id === 'new') {
    const channel = CHANNEL_KINDS.find((name) => name === sub);
    return channel ? { page: 'newMessage', channel } : { page: 'messages' };
  }
  if (head === 'messages' && id !== undefined) return { page: 'message', templateId: id };
  if (head === 'messages') return { page: 'messages' };
  if (head === 'operator') return { page: 'operator' };
  if (head === 'clients' && id !== undefined) return { page: 'client', clientId: id };
  if (head === 'clients') return { page: 'clients' };
  if (head === 'sent') return { page: 'sandbox' };
  if (head === 'settings' && id === 'funnel') return { page: 'funnel' };
  if (head === 'settings' && id === 'global-control') return { page: 'globalControl' };
  if (head === 'settings' && id === 'delivery') return { page: 'delivery' };
  if (head === 'segments') {
    const tab = SEGMENT_TABS.find((name) => name === id) ?? 'rfm';
    return { page: 'segments', tab };
  }
  return { page: 'journeys' };
}

/** Writes the hash for a route; `parseRoute(formatRoute(r))` returns `r`. */
export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'journeys':
      return '#/journeys';
    case 'editor':
      return `#/journeys/${encodeURIComponent(route.journeyId)}`;
    case 'report':
      return `#/journeys/${encodeURIComponent(route.journeyId)}/report`;
    case 'templates':
      return '#/templates';
    case 'operator':
      return '#/operator';
    case 'clients':
      return '#/clients';
    case 'client':
      return `#/clients/${encodeURIComponent(route.clientId)}`;
    case 'sandbox':
      return '#/sent';
    case 'funnel':
      return '#/settings/funnel';
    case 'globalControl':
      return '#/settings/global-control';
    case 'delivery':
      return '#/settings/delivery';
    case 'segments':
      return `#/segments/${route.tab}`;
    case 'messages':
      return '#/messages';
    case 'message':
      return `#/messages/${encodeURIComponent(route.templateId)}`;
    case 'newMessage':
      return `#/messages/new/${route.channel}`;
    default:
      return assertNever(route);
  }
}

/** Compile-time exhaustiveness check for switches over closed unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
