import { DeliveryPolicy } from '@touchpoint/language';
import { describe, expect, it } from 'vitest';
import { issuesByField, quietSpans, toForm, toPolicy } from './delivery-model';

const policy = DeliveryPolicy.parse({
  channelCaps: { sms: [{ max: 1, windowHours: 24 }] },
  overallCaps: [
    { max: 3, windowHours: 168 },
    { max: 2, windowHours: 6 },
  ],
  quietHours: { sms: { start: '21:00', end: '09:00' } },
  fallbackTimeZone: 'Europe/Moscow',
});

describe('the delivery settings form', () => {
  it('shows whole days in days and other windows in hours', () => {
    const form = toForm(policy);
    expect(form.overallCaps.map((row) => [row.max, row.amount, row.unit])).toEqual([
      ['3', '7', 'days'],
      ['2', '6', 'hours'],
    ]);
    expect(form.channelCaps.email).toEqual([]);
    expect(form.quietHours.sms).toEqual({ isOn: true, start: '21:00', end: '09:00' });
    expect(form.quietHours.email.isOn).toBe(false);
  });

  it('turns back into the policy it showed', () => {
    expect(DeliveryPolicy.parse(toPolicy(toForm(policy)))).toEqual(policy);
  });

  it('sends what is not a number as typed, so the server names the field', () => {
    const form = toForm(policy);
    form.overallCaps[0] = { ...form.overallCaps[0]!, max: 'three' };
    const sent = toPolicy(form) as { overallCaps: { max: unknown; windowHours: unknown }[] };
    expect(sent.overallCaps[0]).toEqual({ max: 'three', windowHours: 168 });
  });

  it('files server issues under the form field each names', () => {
    const byField = issuesByField([
      { path: 'body.policy.quietHours.sms.start', message: 'must be HH:MM (24h)' },
      { path: 'body.policy.fallbackTimeZone', message: 'must be an IANA time zone' },
      { path: 'body.baseVersion', message: 'stale' },
    ]);
    expect([...byField.keys()]).toEqual(['quietHours.sms.start', 'fallbackTimeZone', 'baseVersion']);
  });

  it('splits a window over midnight into two spans of the day', () => {
    expect(quietSpans({ isOn: true, start: '22:00', end: '08:00' })).toEqual([
      [1320, 1440],
      [0, 480],
    ]);
    expect(quietSpans({ isOn: true, start: '13:00', end: '14:30' })).toEqual([[780, 870]]);
    expect(quietSpans({ isOn: false, start: '13:00', end: '14:30' })).toEqual([]);
  });
});
