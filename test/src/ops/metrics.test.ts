import { sql } from 'drizzle-orm';
import { journeyWorkflowId } from '@touchpoint/engine/temporal/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { sampleSum } from './prometheus-text';
import {
  insertWelcomeTemplates,
  signUpEvent,
  WELCOME_JOURNEY,
  welcomeClient,
} from '../harness/first-journey-story';

// Traffic through the front door (HTTP API -> router -> workflow -> channels), then what an operator
// reads from /metrics: events in, routing, enrollments, sends by outcome, policy skips, provider latency.
describe('/metrics on the API', () => {
  let tp: TestProduct;
  const scrape = async () => {
    const response = await fetch(`${tp.apiUrl}/metrics`, {
      headers: { authorization: `Bearer ${tp.adminKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'ops-metrics' });
    await insertWelcomeTemplates(tp.database.db);
  });
  afterAll(async () => {
    await tp?.stop();
  });

  it('is for an operator (ops:read) or admin key only', async () => {
    expect((await fetch(`${tp.apiUrl}/metrics`)).status).toBe(401);
  });

  it('answers liveness and readiness without a key, naming each check', async () => {
    const live = await fetch(`${tp.apiUrl}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { live: true }]);
    const ready = await fetch(`${tp.apiUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      // One check per configured channel: the sandboxes' relay greets, the SMS sandbox answers.
      checks: {
        database: { ok: true },
        temporal: { ok: true },
        email: { ok: true },
        sms: { ok: true },
        call: { ok: true },
        webhook: { ok: true },
      },
    });
    // Every answer names its request id, the key to its log lines.
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts events, routing, enrollments, sends, policy skips and provider calls', async () => {
    const journey = await tp.call('POST', '/v1/journeys', { name: 'Welcome', definition: WELCOME_JOURNEY });
    await tp.call('POST', `/v1/journeys/${String(journey.id)}/publish`, {});
    const anna = await tp.call('PUT', '/v1/clients/ops-anna', welcomeClient({ email: 'anna@example.com' }));
    await tp.call(
      'PUT',
      '/v1/clients/ops-boris',
      welcomeClient({ email: 'boris@example.com', emailConsent: 'denied' }),
    );
    await tp.call('POST', '/v1/events', { events: [signUpEvent('ops-anna'), signUpEvent('ops-boris')] });
    // The same event again: received, not stored.
    await tp.call('POST', '/v1/events', signUpEvent('ops-anna'));

    await tp.mailbox.waitForCount(1);
    const workflowId = journeyWorkflowId(String(journey.id), String(anna.id), null);
    await tp.env.client.workflow.getHandle(workflowId).result();

    let text = '';
    await waitUntil(
      async () => {
        text = await scrape();
        return sampleSum(text, 'touchpoint_enrollments_finished_total', { status: 'completed' }) >= 1;
      },
      undefined,
      'a completed enrollment in /metrics',
    );
    expect(sampleSum(text, 'touchpoint_events_received_total')).toBe(3);
    expect(sampleSum(text, 'touchpoint_events_stored_total')).toBe(2);
    expect(sampleSum(text, 'touchpoint_events_routed_total')).toBeGreaterThanOrEqual(2);
    expect(sampleSum(text, 'touchpoint_routing_failures_total')).toBeNaN();
    expect(sampleSum(text, 'touchpoint_enrollments_started_total')).toBe(2);
    expect(sampleSum(text, 'touchpoint_sends_total', { channel: 'email', outcome: 'sent' })).toBe(1);
    expect(sampleSum(text, 'touchpoint_sends_total', { channel: 'sms', outcome: 'sent' })).toBe(1);
    expect(
      sampleSum(text, 'touchpoint_policy_decisions_total', { decision: 'skipped', reason: 'opted-out' }),
    ).toBe(1);
    const emailCalls = { channel: 'email', provider: 'smtp', outcome: 'sent' };
    expect(sampleSum(text, 'touchpoint_provider_call_duration_seconds_count', emailCalls)).toBe(1);
    expect(sampleSum(text, 'touchpoint_provider_call_duration_seconds_sum', emailCalls)).toBeGreaterThan(0);
    // Gauges read from the database: everything routed, no call tasks, Boris still inside or done.
    expect(sampleSum(text, 'touchpoint_routing_lag_seconds')).toBe(0);
    expect(sampleSum(text, 'touchpoint_events_unrouted')).toBe(0);
    expect(sampleSum(text, 'touchpoint_call_tasks_open')).toBe(0);
    expect(sampleSum(text, 'touchpoint_call_tasks_overdue')).toBe(0);
    expect(sampleSum(text, 'touchpoint_enrollments_active')).toBeLessThanOrEqual(1);
    expect(
      sampleSum(text, 'touchpoint_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/events',
        status: '202',
      }),
    ).toBe(2);
  });

  it('shows the routing lag of events stored while nothing routes them', async () => {
    // Stored through the store-only path (as when Temporal was down): the lag gauge must grow.
    await tp.database.db.execute(
      sql`insert into events (client_id, type, occurred_at, received_at, idempotency_key)
        select id, 'other', now(), now() - interval '60 seconds', 'lagging-event' from clients limit 1`,
    );
    const text = await scrape();
    expect(sampleSum(text, 'touchpoint_events_unrouted')).toBe(1);
    expect(sampleSum(text, 'touchpoint_routing_lag_seconds')).toBeGreaterThanOrEqual(60);
  });
});
