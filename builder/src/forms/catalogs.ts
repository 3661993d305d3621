import { useApi } from '../api/use-api';
import { api } from '../api/client';
import type { CatalogItem } from '../api/schemas';

/** Catalog lists for pickers; when the server cannot answer, pickers still accept typed ids. */
export function useCatalogs(): { events: CatalogItem[]; templates: CatalogItem[]; offers: CatalogItem[] } {
  const [events] = useApi(() => api.listEvents(), 'events');
  const [templates] = useApi(() => api.listMessageTemplates(), 'templates');
  const [offers] = useApi(() => api.listOffers(), 'offers');
  const listOf = (state: typeof events) => (state.status === 'ready' ? state.data : []);
  return { events: listOf(events), templates: listOf(templates), offers: listOf(offers) };
}
