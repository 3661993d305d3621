import { createApiKey } from '@touchpoint/domain';
import { findFreePort } from '@touchpoint/engine/main/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProduct, type TestProduct } from '../harness/test-product';

// Readiness asks every channel the deployment sends on, not just whether one exists: here the SMTP
// relay is gone and the SMS provider is half set up, so the API is not ready and says which two
// channels fail; only an operator key reads why. Liveness does not depend on them.
describe('readiness with a broken channel', () => {
  let tp: TestProduct;
  let deadSmtpPort: number;
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  let operatorKey: string;
  let analystKey: string;

  beforeAll(async () => {
    // A port nothing listens on: the relay is down.
    deadSmtpPort = await findFreePort();
    tp = await startTestProduct({
      name: 'ops-ready',
      env: {
        SMTP_URL: `smtp://127.0.0.1:${deadSmtpPort}`,
        // Twilio's own API with a token but no account or sender: a channel set up halfway.
        SMS_API_URL: 'https://api.twilio.com',
      },
    });
    [{ key: operatorKey }, { key: analystKey }] = await Promise.all([
      createApiKey(tp.database.db, { name: 'prometheus', scopes: ['ops:read'] }),
      createApiKey(tp.database.db, { name: 'analyst', scopes: ['stats:read'] }),
    ]);
  });
  afterAll(async () => {
    await tp?.stop();
  });

  it('answers 503 naming the failed channels, and stays live', async () => {
    const ready = await fetch(`${tp.apiUrl}/health/ready`);
    expect(ready.status).toBe(503);
    // Without a key: each check by name and whether it passed, no hosts or provider errors.
    expect(await ready.json()).toEqual({
      ready: false,
      checks: {
        database: { ok: true },
        temporal: { ok: true },
        email: { ok: false },
        sms: { ok: false },
        call: { ok: true },
        webhook: { ok: true },
      },
    });
    const live = await fetch(`${tp.apiUrl}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { live: true }]);
  });

  it('tells an ops:read key why each check failed', async () => {
    const ready = await fetch(`${tp.apiUrl}/health/ready`, { headers: bearer(operatorKey) });
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.checks.email).toEqual({
      ok: false,
      detail: expect.stringContaining(`SMTP relay 127.0.0.1:${deadSmtpPort}`) as string,
    });
    expect(body.checks.sms).toEqual({
      ok: false,
      detail: 'twilio: TWILIO_ACCOUNT_SID, TWILIO_FROM not set',
    });
    expect(body.checks.database).toEqual({ ok: true });
    // A key that is not known is refused, rather than silently read as no key.
    expect((await fetch(`${tp.apiUrl}/health/ready`, { headers: bearer('tp_unknown_key') })).status).toBe(
      401,
    );
  });

  it('serves /metrics to the operator key, not to other scopes or no key', async () => {
    const metrics = await fetch(`${tp.apiUrl}/metrics`, { headers: bearer(operatorKey) });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('# TYPE touchpoint_events_received_total counter');
    expect((await fetch(`${tp.apiUrl}/metrics`, { headers: bearer(analystKey) })).status).toBe(403);
    expect((await fetch(`${tp.apiUrl}/metrics`)).status).toBe(401);
    // The operator key reads operations only.
    expect((await fetch(`${tp.apiUrl}/v1/journeys`, { headers: bearer(operatorKey) })).status).toBe(403);
  });
});
