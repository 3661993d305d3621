import { edge, layoutRows, type JourneyTemplate } from './template';

/** Seed 000's low-frequency business: a booking left unfinished is chased by email, then by a call. */
export const abandonedBookingCall: JourneyTemplate = {
  id: 'abandoned-booking-call',
  name: { en: 'Abandoned booking → call center', ru: 'Брошенная бронь → колл-центр' },
  description: {
    en: 'An hour after a booking is abandoned send a reminder; if it is still not finished next day, the call center calls.',
    ru: 'Через час после брошенной брони — напоминание; если к следующему дню бронь не завершена, звонит колл-центр.',
  },
  definition: {
    schemaVersion: 1,
    nodes: [
      {
        id: 'entry',
        kind: 'entry',
        name: 'Booking abandoned',
        config: { trigger: { kind: 'event', event: { type: 'booking.abandoned', filters: [] } } },
      },
      {
        id: 'pause',
        kind: 'wait',
        name: 'One hour',
        config: { mode: 'duration', duration: { amount: 1, unit: 'hours' } },
      },
      {
        id: 'reminder',
        kind: 'send',
        name: 'Finish your booking',
        config: { channels: ['email', 'sms'], templateId: 'booking-reminder' },
      },
      {
        id: 'booked',
        kind: 'waitForEvent',
        name: 'Booked by tomorrow?',
        config: {
          exits: [{ id: 'booked', name: 'Booked', event: { type: 'booking.completed', filters: [] } }],
          timeout: { amount: 1, unit: 'days' },
        },
      },
      {
        id: 'call',
        kind: 'send',
        name: 'Call center',
        config: {
          channels: ['call'],
          templateId: 'booking-call-script',
          offer: { offerId: 'booking-gift', params: {} },
          quietHours: 'defer',
        },
      },
      {
        id: 'outcome',
        kind: 'waitForEvent',
        name: 'Call outcome',
        config: {
          exits: [
            {
              id: 'booked',
              name: 'Booked',
              event: { type: 'call.outcome', filters: [{ property: 'outcome', op: 'eq', value: 'booked' }] },
              scope: { kind: 'callTaskFromNode', nodeId: 'call' },
            },
          ],
          timeout: { amount: 7, unit: 'days' },
        },
      },
      { id: 'won', kind: 'exit', name: 'Booked', config: { reason: 'converted' } },
      { id: 'lost', kind: 'exit', name: 'Not booked', config: { reason: 'notConverted' } },
    ],
    edges: [
      edge('entry', 'out', 'pause'),
      edge('pause', 'out', 'reminder'),
      edge('reminder', 'sent', 'booked'),
      edge('reminder', 'unreachable', 'call'),
      edge('booked', 'event:booked', 'won'),
      edge('booked', 'timeout', 'call'),
      edge('call', 'sent', 'outcome'),
      edge('call', 'unreachable', 'lost'),
      edge('outcome', 'event:booked', 'won'),
      edge('outcome', 'timeout', 'lost'),
    ],
    goal: {
      name: 'Booking',
      event: { type: 'booking.completed', filters: [] },
      window: { amount: 14, unit: 'days' },
    },
    settings: { reentry: 'concurrent', entryWindow: {}, timezoneFallback: 'Europe/Moscow' },
    layout: layoutRows([
      ['entry'],
      ['pause'],
      ['reminder'],
      ['booked'],
      ['won', 'call'],
      ['outcome'],
      ['lost'],
    ]),
  },
};
