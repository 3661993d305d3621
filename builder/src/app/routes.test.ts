import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './routes';

describe('routes', () => {
  it('round-trips every page through the hash', () => {
    const routes: Route[] = [
      { page: 'journeys' },
      { page: 'editor', journeyId: 'win back/1' },
      { page: 'report', journeyId: 'win back/1' },
      { page: 'funnel' },
      { page: 'globalControl' },
      { page: 'delivery' },
      { page: 'templates' },
      { page: 'operator' },
      { page: 'clients' },
      { page: 'client', clientId: 'c-42' },
      { page: 'sandbox' },
      { page: 'segments', tab: 'rfm' },
      { page: 'segments', tab: 'saved' },
      { page: 'messages' },
      { page: 'message', templateId: 'b3c1' },
      { page: 'newMessage', channel: 'sms' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('sends unknown or empty hashes to the journey list', () => {
    expect(parseRoute('')).toEqual({ page: 'journeys' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'journeys' });
    expect(parseRoute('#/segments/nowhere')).toEqual({ page: 'segments', tab: 'rfm' });
    expect(parseRoute('#/messages/new/fax')).toEqual({ page: 'messages' });
  });

  it('ignores a query after the route', () => {
    expect(parseRoute('#/?key=abc')).toEqual({ page: 'journeys' });
    expect(parseRoute('#/sent?key=abc')).toEqual({ page: 'sandbox' });
  });
});
