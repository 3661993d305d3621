import { useApi } from '../api/use-api';
import { api } from '../api/client';
import { CALL_OUTCOMES, type CatalogItem, type EventTypeSummary } from '../api/schemas';

/**
 * Event types every Touchpoint install knows (ingested purchases, delivery and engagement events,
 * call outcomes, smart-trigger and segment changes), suggested even before the first one arrives.
 */
const COMMON_EVENTS: CatalogItem[] = [
  'purchase',
  'signup',
  'email.opened',
  'email.clicked',
  'sms.clicked',
  // The server signals an operator's outcome as `call.<outcome>`.
  ...CALL_OUTCOMES.map((outcome) => `call.${outcome}`),
  'booking.completed',
  'booking.abandoned',
  'segment.entered',
  'segment.left',
].map((type) => ({ id: type, name: type }));

/**
 * The event picker's list: types the server has received (most frequent first, with their count),
 * then the well-known types not seen yet.
 */
export function mergeEventTypes(received: readonly EventTypeSummary[]): CatalogItem[] {
  const seen = new Set(received.map((item) => item.type));
  return [
    ...received.map((item) => ({ id: item.type, name: `${item.type} (${item.count})` })),
    ...COMMON_EVENTS.filter((item) => !seen.has(item.id)),
  ];
}

/** Catalog lists for pickers; when the server cannot answer, pickers still accept typed ids. */
export function useCatalogs(): { events: CatalogItem[]; templates: CatalogItem[]; offers: CatalogItem[] } {
  const [templates] = useApi(() => api.listMessageTemplates(), 'templates');
  const [offers] = useApi(() => api.listOffers(), 'offers');
  const [events] = useApi(() => api.listEventTypes(), 'event-types');
  const listOf = (state: typeof templates) => (state.status === 'ready' ? state.data : []);
  return {
    events: mergeEventTypes(events.status === 'ready' ? events.data : []),
    templates: listOf(templates),
    offers: listOf(offers),
  };
}
