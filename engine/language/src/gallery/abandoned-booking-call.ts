import type { CallOutcome } from '../vocabulary';
import { edge, type JourneyTemplate } from './template';

/**
 * A wait for the outcome an operator records on the call task `callNodeId` created. The server
 * signals each outcome as the event `call.<outcome>` (activities/src/call-center/call-task-contract.ts),
 * so every exit waits for one of those types, scoped to this journey's own call.
 */
function callOutcomeExits(callNodeId: string, outcomes: Partial<Record<CallOutcome, string>>) {
  return Object.entries(outcomes).map(([outcome, name]) => ({
    id: outcome,
    name,
    event: { type: `call.${outcome}`, filters: [] },
    scope: { kind: 'callTaskFromNode' as const, nodeId: callNodeId },
  }));
}

/**
 * Seed 000's low-frequency business: a booking left unfinished is chased by email, then by a call;
 * no answer or "call me back" gets one more call the next day.
 */
export const abandonedBookingCall: JourneyTemplate = {
  id: 'abandoned-booking-call',
  name: { en: 'Abandoned booking → call center', ru: 'Брошенная бронь → колл-центр' },
  description: {
    en: 'An hour after a booking is abandoned send a reminder; if it is still not finished next day, the call center calls (and tries once more the day after).',
    ru: 'Через час после брошенной брони — напоминание; если к следующему дню бронь не завершена, звонит колл-центр (и перезванивает ещё раз на следующий день).',
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
        name: 'How did the call go?',
        config: {
          exits: callOutcomeExits('call', {
            booking: 'Booked',
            meetingBooked: 'Meeting',
            noAnswer: 'No answer',
            callBack: 'Call back',
            reached: 'Talked',
            refused: 'Refused',
          }),
          timeout: { amount: 7, unit: 'days' },
        },
      },
      {
        id: 'retry-later',
        kind: 'wait',
        name: 'Until tomorrow',
        config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
      },
      {
        id: 'call-again',
        kind: 'send',
        name: 'Call again',
        config: {
          channels: ['call'],
          templateId: 'booking-call-script',
          offer: { offerId: 'booking-gift', params: {} },
          quietHours: 'defer',
        },
      },
      {
        id: 'outcome-again',
        kind: 'waitForEvent',
        name: 'How did the second call go?',
        config: {
          exits: callOutcomeExits('call-again', {
            booking: 'Booked',
            meetingBooked: 'Meeting',
            noAnswer: 'No answer',
            callBack: 'Call back',
            reached: 'Talked',
            refused: 'Refused',
          }),
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
      edge('outcome', 'event:booking', 'won'),
      edge('outcome', 'event:meetingBooked', 'won'),
      edge('outcome', 'event:noAnswer', 'retry-later'),
      edge('outcome', 'event:callBack', 'retry-later'),
      edge('outcome', 'event:reached', 'lost'),
      edge('outcome', 'event:refused', 'lost'),
      edge('outcome', 'timeout', 'lost'),
      edge('retry-later', 'out', 'call-again'),
      edge('call-again', 'sent', 'outcome-again'),
      edge('call-again', 'unreachable', 'lost'),
      edge('outcome-again', 'event:booking', 'won'),
      edge('outcome-again', 'event:meetingBooked', 'won'),
      edge('outcome-again', 'event:noAnswer', 'lost'),
      edge('outcome-again', 'event:callBack', 'lost'),
      edge('outcome-again', 'event:reached', 'lost'),
      edge('outcome-again', 'event:refused', 'lost'),
      edge('outcome-again', 'timeout', 'lost'),
    ],
    goal: {
      name: 'Booking',
      event: { type: 'booking.completed', filters: [] },
      window: { amount: 14, unit: 'days' },
    },
    settings: { reentry: 'concurrent', entryWindow: {}, timezoneFallback: 'Europe/Moscow' },
    // Two columns: the first call on the left, the second attempt on the right, the ends below both.
    layout: {
      entry: { x: 0, y: 0 },
      pause: { x: 0, y: 150 },
      reminder: { x: 0, y: 300 },
      booked: { x: 0, y: 450 },
      call: { x: 0, y: 600 },
      outcome: { x: -128, y: 750 },
      'retry-later': { x: 520, y: 750 },
      'call-again': { x: 520, y: 900 },
      'outcome-again': { x: 392, y: 1050 },
      won: { x: 0, y: 1250 },
      lost: { x: 520, y: 1250 },
    },
  },
};
