import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';

/** This process's tracing: off (no spans made) unless an OTLP endpoint is configured. */
export interface Tracing {
  /** The Temporal plugin that carries the trace through client calls, workflows and activities. */
  temporalPlugin: OpenTelemetryPlugin | null;
  /** Exports what is buffered and stops (call before exit, or spans of the last seconds are lost). */
  shutdown(): Promise<void>;
  /** Exports what is buffered now (tests read spans right after the work). */
  flush(): Promise<void>;
}

export const NO_TRACING: Tracing = {
  temporalPlugin: null,
  shutdown: async () => {},
  flush: async () => {},
};

/**
 * Starts OpenTelemetry tracing for one process when `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT) is set:
 * spans go in batches to `<endpoint>/v1/traces` over OTLP/HTTP (JSON). The context rides on
 * AsyncLocalStorage, so a span started for `POST /v1/events` is the parent of the router's Temporal
 * calls made for it; Temporal's interceptors carry it on into the workflow and its activities.
 * Registers the global tracer provider, so call it once per process.
 */
export function startTracing(options: { serviceName: string; endpoint: string | undefined }): Tracing {
  if (!options.endpoint) return NO_TRACING;
  const resource = new Resource({ 'service.name': options.serviceName });
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const spanProcessor: SpanProcessor = new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 });
  const provider = new BasicTracerProvider({ resource });
  provider.addSpanProcessor(spanProcessor);
  provider.register({ contextManager: new AsyncLocalStorageContextManager() });
  return {
    temporalPlugin: new OpenTelemetryPlugin({ resource, spanProcessor }),
    shutdown: () => provider.shutdown(),
    flush: () => provider.forceFlush(),
  };
}
