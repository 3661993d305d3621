import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afternoonTimeZone, insertWelcomeTemplates, welcomeClient } from '../harness/first-journey-story';
import { waitUntil } from '../harness/patience';
import { startTestProduct, type TestProduct } from '../harness/test-product';
import { oneSendJourney } from '../harness/one-send-journey';

// Delivery settings are configuration, not code: the whole product runs (API, router, worker), a cap
// is saved through the API, and the very next send (in another journey: caps count across journeys)
// is skipped by it, with no restart; raising the cap lets the next one through. Each save is a new
// version with an entry on the audit trail.

interface TimelineItem {
  kind: string;
  journeyId: string | null;
  status: string | null;
  reason: string | null;
}
interface SettingsVersion {
  version: number;
  policy: { overallCaps: { max: number; windowHours: number }[] };
  savedBy: string | null;
}
interface AuditEntry {
  action: string;
  actor: string;
  subject: string;
  before: { version: number };
  after: { version: number; policy: { overallCaps: { max: number }[] } };
}

/** One welcome email on `eventType`, then done. */
const welcomeOn = (eventType: string) =>
  oneSendJourney(
    { kind: 'event', event: { type: eventType } },
    { id: 'welcome-email', channels: ['email'], templateId: 'welcome', quietHours: 'skip' },
  );

describe('delivery settings saved through the API', () => {
  let tp: TestProduct;
  const journeyIds: Record<string, string> = {};

  beforeAll(async () => {
    tp = await startTestProduct({ name: 'delivery-settings' });
    await insertWelcomeTemplates(tp.database.db);
    for (const eventType of ['signed_up', 'order_paid', 'order_shipped']) {
      const journey = await tp.call('POST', '/v1/journeys', {
        name: `Welcome on ${eventType}`,
        definition: welcomeOn(eventType),
      });
      journeyIds[eventType] = String(journey.id);
      await tp.call('POST', `/v1/journeys/${journeyIds[eventType]}/publish`, {});
    }
    await tp.call('PUT', '/v1/clients/settings-anna', {
      ...welcomeClient({ email: 'anna@example.com', timeZone: afternoonTimeZone() }),
    });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  const post = (type: string) =>
    tp.call('POST', '/v1/events', {
      idempotencyKey: `${type}-settings-anna`,
      clientId: 'settings-anna',
      type,
      occurredAt: new Date().toISOString(),
    });

  /** Waits until the journey's send has an outcome on the client's timeline, and returns it. */
  async function messageOf(eventType: string): Promise<TimelineItem> {
    let found: TimelineItem | undefined;
    await waitUntil(
      async () => {
        const { items } = await tp.call<{ items: TimelineItem[] }>(
          'GET',
          '/v1/clients/settings-anna/timeline',
        );
        found = items.find(
          (item) =>
            item.kind === 'message' &&
            item.journeyId === journeyIds[eventType] &&
            ['sent', 'delivered', 'skipped'].includes(item.status ?? ''),
        );
        return found !== undefined;
      },
      undefined,
      `a message of the ${eventType} journey`,
    );
    return found!;
  }

  const saveCap = (max: number, baseVersion: number) =>
    tp.call<SettingsVersion>('PUT', '/v1/delivery-settings', {
      baseVersion,
      policy: { overallCaps: [{ max, windowHours: 24 }], fallbackTimeZone: 'Europe/Moscow' },
    });

  it('skips the next send by a cap saved while the product runs, and sends again once it is raised', async () => {
    const builtIn = await tp.call<SettingsVersion>('GET', '/v1/delivery-settings');
    expect(builtIn).toMatchObject({ version: 1, savedBy: null, policy: { overallCaps: [] } });

    await post('signed_up');
    expect((await messageOf('signed_up')).status).toMatch(/sent|delivered/);
    await tp.mailbox.waitForCount(1);

    // One message a day over all channels: Anna already had hers, so the next journey's mail is skipped.
    expect(await saveCap(1, 1)).toMatchObject({ version: 2, savedBy: 'admin' });
    await post('order_paid');
    const capped = await messageOf('order_paid');
    expect(capped.status).toBe('skipped');
    expect(capped.reason).toContain('overall-cap');

    // Room for five: the third journey's mail goes out, with the same running workers.
    expect(await saveCap(5, 2)).toMatchObject({ version: 3 });
    await post('order_shipped');
    expect((await messageOf('order_shipped')).status).toMatch(/sent|delivered/);
    await tp.mailbox.waitForCount(2);
    expect(tp.mailbox.listMessages()).toHaveLength(2);
  });

  it('puts every save on the audit trail with who saved it and the versions before and after', async () => {
    const { entries } = await tp.call<{ entries: AuditEntry[] }>(
      'GET',
      '/v1/audit-entries?action=delivery-settings.saved',
    );
    expect(
      entries.map((entry) => [
        entry.actor,
        entry.before.version,
        entry.after.version,
        entry.after.policy.overallCaps[0]?.max,
      ]),
    ).toEqual([
      ['admin', 2, 3, 5],
      ['admin', 1, 2, 1],
    ]);
    expect(entries[0]?.subject).toBe('delivery settings version 3');
  });

  it('refuses a save over a version saved meanwhile, and bad settings by the field they break', async () => {
    const stale = await fetch(`${tp.apiUrl}/v1/delivery-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tp.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: 2, policy: {} }),
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { message: string }).message).toContain('body.baseVersion');

    const invalid = await fetch(`${tp.apiUrl}/v1/delivery-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tp.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        policy: {
          quietHours: { sms: { start: '25:00', end: '08:00' } },
          fallbackTimeZone: 'Mars/Olympus',
          channelCaps: { pigeon: [] },
        },
      }),
    });
    expect(invalid.status).toBe(400);
    const { issues } = (await invalid.json()) as { issues: { path: string }[] };
    // An unknown channel is an invalid key of the record: zod names the record that holds it.
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'body.policy.channelCaps',
      'body.policy.fallbackTimeZone',
      'body.policy.quietHours.sms.start',
    ]);
    expect((await tp.call<SettingsVersion>('GET', '/v1/delivery-settings')).version).toBe(3);
  });
});
