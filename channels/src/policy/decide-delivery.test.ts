import { describe, expect, it } from 'vitest';
import { decideDelivery, type DeliveryRequest } from './decide-delivery';
import { DeliveryPolicy, type PolicyClient } from './delivery-policy';

const client: PolicyClient = {
  timeZone: 'Europe/Moscow',
  consent: { email: { status: 'granted' }, sms: { status: 'granted' } },
  contactPoints: { email: 'anna@example.com', sms: '+79991234567' },
  flaggedChannels: [],
};
const policy = DeliveryPolicy.parse({
  channelCaps: { sms: [{ max: 1, windowHours: 24 }] },
  overallCaps: [{ max: 3, windowHours: 24 * 7 }],
  quietHours: { email: { start: '21:00', end: '09:00' }, sms: { start: '21:00', end: '09:00' } },
});
// 12:00 in Moscow (UTC+3).
const noon = new Date('2025-03-10T09:00:00Z');
const request = (overrides: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
  client,
  channels: ['email', 'sms'],
  history: [],
  policy,
  quietHoursMode: 'defer',
  now: noon,
  ...overrides,
});

describe('decideDelivery', () => {
  it('sends on the first channel when nothing stands in the way', () => {
    expect(decideDelivery(request())).toEqual({ action: 'send', channel: 'email', passedOver: [] });
  });

  it('falls back to SMS when email consent was withdrawn, saying why', () => {
    const decision = decideDelivery(
      request({ client: { ...client, consent: { ...client.consent, email: { status: 'denied' } } } }),
    );
    expect(decision).toMatchObject({
      action: 'send',
      channel: 'sms',
      passedOver: [{ channel: 'email', reason: 'opted-out' }],
    });
  });

  it('falls back past a flagged contact point and reports unreachable when none is left', () => {
    expect(decideDelivery(request({ client: { ...client, flaggedChannels: ['email'] } }))).toMatchObject({
      action: 'send',
      channel: 'sms',
    });
    const decision = decideDelivery(
      request({ client: { ...client, flaggedChannels: ['email'], contactPoints: { email: 'a@b.co' } } }),
    );
    expect(decision).toMatchObject({
      action: 'unreachable',
      detail: 'email address hard-failed before; client has no sms address',
    });
  });

  it('treats a channel without recorded consent as not granted', () => {
    expect(decideDelivery(request({ channels: ['call'] }))).toMatchObject({
      action: 'skip',
      reason: 'opted-out',
      detail: 'no call consent on record',
    });
  });

  it('caps SMS at one a day across journeys and frees the cap 24 hours after the last one', () => {
    const history = [{ channel: 'sms' as const, sentAt: new Date(noon.getTime() - 3_600_000) }];
    const decision = decideDelivery(request({ channels: ['sms'], history }));
    expect(decision).toMatchObject({ action: 'skip', reason: 'channel-cap' });
    if (decision.action === 'skip') expect(decision.detail).toContain('frees at 2025-03-11T08:00:00.000Z');
    expect(
      decideDelivery(
        request({ channels: ['sms'], history, now: new Date(noon.getTime() + 23 * 3_600_000 + 1) }),
      ).action,
    ).toBe('send');
  });

  it('skips everything once the overall weekly cap is full', () => {
    const history = [1, 2, 3].map((days) => ({
      channel: 'email' as const,
      sentAt: new Date(noon.getTime() - days * 86_400_000),
    }));
    expect(decideDelivery(request({ history }))).toMatchObject({ action: 'skip', reason: 'overall-cap' });
    expect(decideDelivery(request({ history: history.slice(0, 2) })).action).toBe('send');
  });

  it('defers a send at 23:30 local time to 09:00 local the next morning', () => {
    const lateEvening = new Date('2025-03-10T20:30:00Z'); // 23:30 Moscow
    expect(decideDelivery(request({ now: lateEvening }))).toMatchObject({
      action: 'defer',
      channel: 'email',
      until: new Date('2025-03-11T06:00:00Z'),
      reason: 'quiet-hours',
    });
  });

  it('skips instead of deferring when the node says skip', () => {
    const decision = decideDelivery(
      request({ now: new Date('2025-03-10T03:00:00Z'), quietHoursMode: 'skip' }),
    );
    expect(decision).toMatchObject({
      action: 'skip',
      reason: 'quiet-hours',
      detail: 'quiet hours 21:00-09:00 in Europe/Moscow',
    });
  });

  it("uses the client's own zone: 06:00 UTC is quiet in New York but not in Moscow", () => {
    const now = new Date('2025-03-10T06:00:00Z');
    expect(decideDelivery(request({ now })).action).toBe('send');
    const decision = decideDelivery(request({ now, client: { ...client, timeZone: 'America/New_York' } }));
    // 02:00 EDT -> 09:00 EDT = 13:00 UTC.
    expect(decision).toMatchObject({ action: 'defer', until: new Date('2025-03-10T13:00:00Z') });
  });

  it('keeps 09:00 local across a DST change inside the quiet window', () => {
    // Night of 8-9 March 2025 in New York: clocks jump from 02:00 to 03:00.
    const decision = decideDelivery(
      request({ now: new Date('2025-03-09T05:00:00Z'), client: { ...client, timeZone: 'America/New_York' } }),
    );
    expect(decision).toMatchObject({ action: 'defer', until: new Date('2025-03-09T13:00:00Z') });
  });

  it('uses the fallback zone for clients without one', () => {
    const decision = decideDelivery(
      request({ now: new Date('2025-03-10T22:00:00Z'), client: { ...client, timeZone: null } }),
    );
    expect(decision).toMatchObject({ action: 'defer', until: new Date('2025-03-11T09:00:00Z') });
  });
});
