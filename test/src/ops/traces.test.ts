import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { startTracing, type Tracing } from '@touchpoint/engine/observability/tracing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver';
import {
  insertWelcomeTemplates,
  signUpEvent,
  WELCOME_JOURNEY,
  welcomeClient,
} from '../harness/first-journey-story';

/** The names on the way from `span` up to its trace's root. */
function ancestry(spans: ReceivedSpan[], span: ReceivedSpan): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const names: string[] = [];
  for (let at: ReceivedSpan | undefined = span; at; at = byId.get(at.parentSpanId)) names.push(at.name);
  return names;
}

// One trace from the CRM's POST to the SMTP call, collected by an OTLP receiver on loopback exactly as
// a collector would receive it (OTEL_EXPORTER_OTLP_ENDPOINT in production).
describe('traces', () => {
  let tp: TestProduct;
  let tracing: Tracing;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = startTracing({ serviceName: 'touchpoint-test', endpoint: receiver.url });
    tp = await startTestProduct({ name: 'ops-traces', tracing });
    await insertWelcomeTemplates(tp.database.db);
  });
  afterAll(async () => {
    await tp?.stop();
    await tracing?.shutdown();
    await receiver?.stop();
  });

  it('follow an event from POST /v1/events through routing, the workflow and the send', async () => {
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Welcome', definition: WELCOME_JOURNEY });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const anna = await tp.call('PUT', '/v1/clients/trace-anna', welcomeClient({ email: 'anna@example.com' }));
    // The caller's own trace context is continued, so a CRM's trace reaches into the journey.
    const crmTraceId = '0af7651916cd43dd8448eb211c80319c';
    const response = await fetch(`${tp.apiUrl}/v1/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tp.adminKey}`,
        'content-type': 'application/json',
        traceparent: `00-${crmTraceId}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify(signUpEvent('trace-anna')),
    });
    expect(response.status).toBe(202);
    await tp.mailbox.waitForCount(1);
    await tp.env.client.workflow
      .getHandle(journeyWorkflowId(String(journey.id), String(anna.id), null))
      .result();

    let send: ReceivedSpan | undefined;
    await waitUntil(
      async () => {
        await tracing.flush();
        send = receiver.spans.find(
          (span) => span.traceId === crmTraceId && span.name === 'send email via smtp',
        );
        return send !== undefined;
      },
      undefined,
      'the SMTP send span in the CRM trace',
    );
    const chain = ancestry(receiver.spans, send!);
    // Leaf to root: the provider call, inside the activity, run by the workflow the router started
    // for the request (signal-with-start carries the context in the workflow's headers).
    expect(chain[0]).toBe('send email via smtp');
    expect(chain).toContain('RunActivity:sendMessage');
    expect(chain.some((name) => name.startsWith('RunWorkflow:'))).toBe(true);
    expect(chain.some((name) => name.startsWith('SignalWithStartWorkflow:'))).toBe(true);
    expect(chain).toContain('route events (ingest)');
    expect(chain.at(-1)).toBe('POST /v1/events');
    expect(receiver.spans.find((span) => span.name === 'POST /v1/events')?.parentSpanId).toBe(
      'b7ad6b7169203331',
    );
  });
});
