import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/**
 * One server span per request, named by its route pattern, continuing a caller's `traceparent`.
 * The handler runs inside the span's context (wrapped at registration, since body parsing leaves the
 * request's async context), so what it starts (routing in the background, Temporal calls) are its
 * children. Register before the routes; only when tracing is on.
 */
export function registerTracing(app: FastifyInstance): void {
  const tracer = trace.getTracer('touchpoint-api');
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function traced(request, reply) {
      const parent = propagation.extract(context.active(), request.headers);
      return tracer.startActiveSpan(
        `${request.method} ${route.url}`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': request.method,
            'http.route': route.url,
            'request.id': request.id,
          },
        },
        parent,
        async (span) => {
          try {
            return await handler.call(this, request, reply);
          } catch (error) {
            span.recordException(error as Error);
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.setAttribute('http.response.status_code', reply.statusCode);
            span.end();
          }
        },
      );
    };
  });
}
