import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Provider call latencies: SMTP and HTTP providers answer in milliseconds to tens of seconds. */
const PROVIDER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Touchpoint's own metrics, on a registry of their own: several products may share one process (the
 * tests), and each must count only its own traffic. Names follow Prometheus conventions; every label
 * is a closed set (channels, statuses, policy reasons, activity names, failure types), never an id.
 */
export function createTouchpointMetrics(options: { processMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'touchpoint_' });
  const registers = [registry];
  return {
    registry,
    http: new Histogram({
      name: 'touchpoint_http_request_duration_seconds',
      help: 'API requests by route pattern, method and status code',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    eventsReceived: new Counter({
      name: 'touchpoint_events_received_total',
      help: 'Events in accepted POST /v1/events batches, new and duplicate',
      registers,
    }),
    eventsStored: new Counter({
      name: 'touchpoint_events_stored_total',
      help: 'New events stored (durable before the 202); duplicates are received but not stored',
      registers,
    }),
    eventsRouted: new Counter({
      name: 'touchpoint_events_routed_total',
      help: 'Events delivered to journeys (or found to concern none) by a routing pass',
      labelNames: ['trigger'] as const,
      registers,
    }),
    routingFailures: new Counter({
      name: 'touchpoint_routing_failures_total',
      help: 'Routing passes that failed (the events stay unrouted; the sweep retries them)',
      labelNames: ['trigger'] as const,
      registers,
    }),
    routingPass: new Histogram({
      name: 'touchpoint_routing_pass_duration_seconds',
      help: 'Duration of one routing pass (claim, Temporal calls, mark routed)',
      labelNames: ['trigger'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    enrollmentsStarted: new Counter({
      name: 'touchpoint_enrollments_started_total',
      help: 'Enrollments begun by journey workflows',
      registers,
    }),
    enrollmentsFinished: new Counter({
      name: 'touchpoint_enrollments_finished_total',
      help: 'Enrollments finished, by status (completed, exited, failed)',
      labelNames: ['status'] as const,
      registers,
    }),
    sends: new Counter({
      name: 'touchpoint_sends_total',
      help: 'Send activities by channel and outcome (sent, deferred, skipped, unreachable, handOff)',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
    policyDecisions: new Counter({
      name: 'touchpoint_policy_decisions_total',
      help: 'Sends the delivery policy skipped or deferred, by reason',
      labelNames: ['decision', 'reason'] as const,
      registers,
    }),
    providerCalls: new Histogram({
      name: 'touchpoint_provider_call_duration_seconds',
      help: 'Calls to channel providers, by channel, provider and outcome (sent, rejected, retry, error)',
      labelNames: ['channel', 'provider', 'outcome'] as const,
      buckets: PROVIDER_BUCKETS,
      registers,
    }),
    activityFailures: new Counter({
      name: 'touchpoint_activity_failures_total',
      help: 'Activity attempts that threw, by activity and failure type',
      labelNames: ['activity', 'type'] as const,
      registers,
    }),
    gauge(name: string, help: string, collect: (gauge: Gauge) => Promise<void>): Gauge {
      return new Gauge({
        name,
        help,
        registers,
        async collect() {
          await collect(this);
        },
      });
    },
  };
}

export type TouchpointMetrics = ReturnType<typeof createTouchpointMetrics>;
