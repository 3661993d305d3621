import type { FastifyInstance } from 'fastify';
import type { TouchpointMetrics } from '../../observability/metrics';

/**
 * `GET /metrics` in Prometheus' text format, for a key with `ops:read` (the scrape job's operator key;
 * admin holds it too): it shows traffic and backlog, which is operator business. Also times every request by its route pattern (never the raw URL, so
 * ids do not explode the label set) and counts the events each accepted `POST /v1/events` carried.
 */
export function registerMetrics(app: FastifyInstance, metrics: TouchpointMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    // Unmatched URLs (scanners, typos) share one label instead of one series per path tried.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.http.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      request.routeOptions.url === '/v1/events' &&
      reply.statusCode === 202 &&
      typeof payload === 'string'
    ) {
      const body = JSON.parse(payload) as { accepted: number; duplicates: number };
      metrics.eventsReceived.inc(body.accepted + body.duplicates);
      metrics.eventsStored.inc(body.accepted);
    }
    return payload;
  });
  app.get('/metrics', { config: { scope: 'ops:read' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
