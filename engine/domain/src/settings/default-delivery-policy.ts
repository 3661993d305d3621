import { DeliveryPolicy } from '@touchpoint/language';

/**
 * The policy every journey shares until someone saves delivery settings (it answers as version 1):
 * at most one SMS a day and three messages a week per client, and no email, SMS or call between
 * 22:00 and 08:00 in the client's own time zone (UTC for clients without one).
 */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = DeliveryPolicy.parse({
  channelCaps: { sms: [{ max: 1, windowHours: 24 }] },
  overallCaps: [{ max: 3, windowHours: 24 * 7 }],
  quietHours: {
    email: { start: '22:00', end: '08:00' },
    sms: { start: '22:00', end: '08:00' },
    call: { start: '22:00', end: '08:00' },
  },
});
