import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { EventRouter, RoutingReport } from '../router';
import type { TouchpointMetrics } from './metrics';

/**
 * The router with its passes counted: routed events and pass duration per trigger (`ingest` right
 * after a POST, `sweep` for the periodic catch-up). A failed pass is counted and rethrown; its events
 * stay unrouted and show in `touchpoint_routing_lag_seconds` until a sweep routes them.
 */
export function instrumentRouter(router: EventRouter, metrics: TouchpointMetrics): EventRouter {
  const tracer = trace.getTracer('touchpoint-router');
  const observe = (trigger: 'ingest' | 'sweep', pass: () => Promise<RoutingReport>) =>
    tracer.startActiveSpan(`route events (${trigger})`, async (span) => {
      const end = metrics.routingPass.startTimer({ trigger });
      try {
        const report = await pass();
        metrics.eventsRouted.inc({ trigger }, report.routed);
        span.setAttributes({ 'touchpoint.events.routed': report.routed });
        return report;
      } catch (error) {
        metrics.routingFailures.inc({ trigger });
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        end();
        span.end();
      }
    });
  return {
    routeEvents: (ids) => observe('ingest', () => router.routeEvents(ids)),
    sweepUnroutedEvents: (limit) => observe('sweep', () => router.sweepUnroutedEvents(limit)),
  };
}
