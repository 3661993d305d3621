import { findFreePort } from '@touchpoint/engine/main/ports';
import { startTemporalDevServer, type TemporalDevServer } from '@touchpoint/engine/main/temporal-dev-server';
import {
  startSmsSandbox,
  startSmtpSandbox,
  type SmsSandbox,
  type SmtpSandbox,
} from '@touchpoint/channels/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../harness/database';
import { waitUntil } from '../harness/patience';
import { sampleSum } from './prometheus-text';
import { startTouchpointProcess, type TouchpointProcess } from './touchpoint-process';

// The worker entrypoint as compose runs it, against a Temporal server of its own that the test can
// take away: its operator port answers metrics and health, and it ends with status 1 once Temporal
// has been unreachable for TEMPORAL_UNREACHABLE_EXIT_SECONDS.
describe('the worker process', () => {
  let temporal: TemporalDevServer;
  let database: TestDatabase;
  let worker: TouchpointProcess;
  let mailbox: SmtpSandbox;
  let smsInbox: SmsSandbox;
  let operatorUrl = '';

  beforeAll(async () => {
    [temporal, database, mailbox, smsInbox] = await Promise.all([
      startTemporalDevServer(),
      createTestDatabase(),
      startSmtpSandbox(),
      startSmsSandbox({ receipts: false }),
    ]);
    const port = await findFreePort();
    operatorUrl = `http://127.0.0.1:${port}`;
    worker = startTouchpointProcess('worker', {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.address,
      WORKER_HTTP_PORT: String(port),
      TEMPORAL_UNREACHABLE_EXIT_SECONDS: '3',
      // Readiness asks every channel the worker sends on, so they must be there.
      SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
      SMS_API_URL: smsInbox.baseUrl,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await temporal?.stop();
    await database?.close();
    await Promise.all([mailbox?.stop(), smsInbox?.stop()]);
  });

  it('is ready, and serves its own and the Temporal SDK metrics on the operator port', async () => {
    await worker.waitForLog('started', (line) => line['msg'] === 'worker started');
    const ready = await fetch(`${operatorUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: {
        database: { ok: true },
        temporal: { ok: true },
        workers: { ok: true },
        email: { ok: true },
        sms: { ok: true },
        call: { ok: true },
        webhook: { ok: true },
      },
    });
    expect((await fetch(`${operatorUrl}/health/live`)).status).toBe(200);
    let text = '';
    // The SDK's exporter publishes its pollers' figures once they have polled.
    await waitUntil(
      async () => {
        text = await (await fetch(`${operatorUrl}/metrics`)).text();
        return /^temporal_\w+/m.test(text);
      },
      undefined,
      'Temporal SDK metrics on /metrics',
    );
    expect(text).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(sampleSum(text, 'touchpoint_sends_total')).toBeNaN();
    expect(text).toContain('# TYPE touchpoint_activity_failures_total counter');
    expect(text).toContain('touchpoint_process_resident_memory_bytes');
    // Structured logs from the SDK too, with the worker's name and the task queue they concern.
    expect(
      worker.lines.some((line) => line['name'] === 'touchpoint-worker' && line['taskQueue'] === 'journeys'),
    ).toBe(true);
  });

  it('exits with status 1 when Temporal stays unreachable', async () => {
    await temporal.stop();
    const notReady = await fetch(`${operatorUrl}/health/ready`).catch(() => null);
    // Either the check already failed, or the process is already gone.
    if (notReady) expect([503, 200]).toContain(notReady.status);
    expect(await worker.exited).toBe(1);
    expect(
      worker.lines.some(
        (line) => line['level'] === 60 && String(line['msg']).includes('Temporal unreachable'),
      ),
    ).toBe(true);
  });
});
