import { SpanKind, trace } from '@opentelemetry/api';
import type { SendActivityDeps } from '@touchpoint/activities';
import type { ChannelAdapter } from '@touchpoint/channels';
import type { TouchpointMetrics } from './metrics';

type Adapters = SendActivityDeps['adapters'];

/**
 * Times every provider call (`touchpoint_provider_call_duration_seconds`) by channel, provider and
 * outcome: the provider's own latency, apart from the outbox and policy work around it.
 */
export function instrumentAdapters(adapters: Adapters, metrics: TouchpointMetrics): Adapters {
  return Object.fromEntries(
    Object.entries(adapters).map(([channel, adapter]) => [
      channel,
      adapter ? timeSends(adapter as ChannelAdapter, metrics) : adapter,
    ]),
  ) as Adapters;
}

function timeSends(adapter: ChannelAdapter, metrics: TouchpointMetrics): ChannelAdapter {
  const labels = { channel: adapter.channel, provider: adapter.provider };
  const tracer = trace.getTracer('touchpoint-channels');
  // Delegates rather than inheriting, so adapters built as classes keep their own `this`.
  return {
    channel: adapter.channel,
    provider: adapter.provider,
    close: () => adapter.close(),
    ...(adapter.findAccepted ? { findAccepted: adapter.findAccepted.bind(adapter) } : {}),
    send: (message: Parameters<ChannelAdapter['send']>[0]) =>
      tracer.startActiveSpan(
        `send ${adapter.channel} via ${adapter.provider}`,
        { kind: SpanKind.CLIENT },
        async (span) => {
          const end = metrics.providerCalls.startTimer(labels);
          try {
            const outcome = await adapter.send(message);
            end({ outcome: outcome.kind });
            span.setAttribute('touchpoint.send.outcome', outcome.kind);
            return outcome;
          } catch (error) {
            end({ outcome: 'error' });
            span.recordException(error as Error);
            throw error;
          } finally {
            span.end();
          }
        },
      ),
  };
}
