import { useApi } from '../api/use-api';
import { api } from '../api/client';
import { CALL_OUTCOMES, type CatalogItem } from '../api/schemas';

/**
 * Event types every Touchpoint install knows (ingested purchases, delivery and engagement events,
 * call outcomes, smart-trigger and segment changes). The server has no event-type catalog yet, so
 * the picker suggests these and still accepts any type the CRM sends.
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

/** Catalog lists for pickers; when the server cannot answer, pickers still accept typed ids. */
export function useCatalogs(): { events: CatalogItem[]; templates: CatalogItem[]; offers: CatalogItem[] } {
  const [templates] = useApi(() => api.listMessageTemplates(), 'templates');
  const [offers] = useApi(() => api.listOffers(), 'offers');
  const listOf = (state: typeof templates) => (state.status === 'ready' ? state.data : []);
  return { events: COMMON_EVENTS, templates: listOf(templates), offers: listOf(offers) };
}
