import type { NewOfferRow, NewTemplateRow } from '@touchpoint/db';
import type { RfmCutRule } from '@touchpoint/domain';
import { rfmWinBack, smartTriggerWinBack } from '@touchpoint/language';

/** Why the catalog holds what it does: every journey in the builder's gallery publishes as is. */
const GALLERY_TEMPLATES: NewTemplateRow[] = [
  email(
    'win-back-email',
    'Win-back',
    'We miss you, {{ client.firstName | default: "friend" }}',
    '<p>Here is {{ offer.percent | default: 10 }}% off your next order.</p>',
  ),
  sms('win-back-sms', 'Win-back SMS', 'Come back: {{ offer.percent | default: 10 }}% off your next order.'),
  email(
    'win-back-sms',
    'Win-back SMS (email fallback)',
    'A little gift to come back',
    '<p>{{ offer.percent | default: 10 }}% off your next order.</p>',
  ),
  email('welcome-nudge', 'Welcome nudge', 'Did you see what is new?', '<p>New arrivals picked for you.</p>'),
  email(
    'first-order',
    'First-order offer',
    'Your first order, on us',
    '<p>Free delivery or {{ offer.percent | default: 10 }}% off: your choice.</p>',
  ),
  email(
    'booking-reminder',
    'Booking reminder',
    'Your booking is waiting',
    '<p>Finish your booking before it expires.</p>',
  ),
  sms('booking-reminder', 'Booking reminder SMS', 'Your booking is waiting: finish it before it expires.'),
  call(
    'booking-call-script',
    'Abandoned booking call',
    'Offer help finishing the booking and mention the gift that comes with it.',
  ),
  email(
    'vip-offer',
    'VIP offer',
    'For our best clients',
    '<p>An offer we make only to clients like you.</p>',
  ),
  sms('vip-offer-sms', 'VIP offer SMS', 'An offer for our best clients is in your inbox.'),
  call(
    'vip-call-script',
    'VIP call',
    'Thank the client for years of orders and present the VIP offer personally.',
  ),
];

/** Templates the demo journeys send (Liquid over client, offer and journey variables). */
export const DEMO_TEMPLATES: NewTemplateRow[] = [
  {
    key: 'welcome',
    channel: 'email',
    name: 'Welcome',
    format: 'html',
    subject: 'Welcome to CDNOW, {{ client.externalId }}',
    body: '<h1>Welcome!</h1><p>Your first order is on its way. <a href="https://cdnow.example/new">See what is new</a>.</p>',
  },
  {
    key: 'nudge',
    channel: 'sms',
    name: 'Second-day nudge',
    format: 'text',
    body: 'CDNOW: new releases picked for you are waiting. Reply STOP to opt out.',
  },
  {
    key: 'remind',
    channel: 'email',
    name: 'Reminder before the expected purchase',
    format: 'html',
    subject: 'Time for new music?',
    body: '<p>It has been a while since your last order. <a href="https://cdnow.example/top">This week\'s top 20</a>.</p>',
  },
  {
    key: 'stimulate',
    channel: 'email',
    name: 'Stimulating offer after the checkpoint',
    format: 'html',
    subject: '{{ offer.percent }}% off your next CD',
    body: '<p>We miss you: take {{ offer.percent }}% off with code COMEBACK.</p>',
  },
  {
    key: 'sms-offer',
    channel: 'sms',
    name: 'SMS offer',
    format: 'text',
    body: 'CDNOW: {{ offer.percent }}% off your next order, code COMEBACK.',
  },
  {
    key: 'sms-offer',
    channel: 'email',
    name: 'SMS offer (email fallback)',
    format: 'html',
    subject: '{{ offer.percent }}% off, this week only',
    body: '<p>{{ offer.percent }}% off your next order with code COMEBACK.</p>',
  },
  {
    key: 'call-script',
    channel: 'call',
    name: 'Win-back call',
    format: 'text',
    body: 'Greet the client, ask how they liked their last CDs, offer {{ offer.percent }}% off the next order.',
  },
  ...GALLERY_TEMPLATES,
];

export const DEMO_OFFERS: NewOfferRow[] = [
  { key: 'discount', name: 'Come-back discount', kind: 'percentDiscount', value: 10 },
  { key: 'free-delivery', name: 'Free delivery', kind: 'freeShipping' },
  { key: 'booking-gift', name: 'Gift with the booking', kind: 'gift' },
];

function email(key: string, name: string, subject: string, body: string): NewTemplateRow {
  return { key, channel: 'email', name, format: 'html', subject, body };
}
function sms(key: string, name: string, body: string): NewTemplateRow {
  return { key, channel: 'sms', name, format: 'text', body };
}
function call(key: string, name: string, body: string): NewTemplateRow {
  return { key, channel: 'call', name, format: 'text', body };
}

/**
 * The event a CRM sends when a client signs up: the demo's clients send it, and the demo's welcome
 * series and the gallery's welcome template enter on it (a test holds the gallery to it).
 */
export const DEMO_SIGNUP_EVENT_TYPE = 'signup';

/**
 * Journeys the demo publishes: a welcome series on sign-up, and the gallery's smart-trigger and RFM
 * R1F3M3 win-backs, which enter on segment transitions: the recompute after the CDNOW import moves
 * those customers into `overdue` and their RFM cells, and the journeys start on their own.
 */
export const DEMO_JOURNEYS = [
  {
    name: 'Welcome series',
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'entry',
          kind: 'entry',
          config: { trigger: { kind: 'event', event: { type: DEMO_SIGNUP_EVENT_TYPE } } },
        },
        {
          id: 'welcome',
          kind: 'send',
          name: 'Welcome email',
          config: { channels: ['email'], templateId: 'welcome' },
        },
        { id: 'two-days', kind: 'wait', config: { mode: 'duration', duration: { amount: 2, unit: 'days' } } },
        {
          id: 'nudge',
          kind: 'send',
          name: 'Nudge by SMS',
          config: { channels: ['sms'], templateId: 'nudge' },
        },
        { id: 'done', kind: 'exit', config: { reason: 'completed' } },
        { id: 'unreachable', kind: 'exit', config: { reason: 'notReachable' } },
      ],
      edges: [
        { id: 'e1', source: 'entry', sourcePort: 'out', target: 'welcome' },
        { id: 'e2', source: 'welcome', sourcePort: 'sent', target: 'two-days' },
        { id: 'e3', source: 'two-days', sourcePort: 'out', target: 'nudge' },
        { id: 'e4', source: 'nudge', sourcePort: 'sent', target: 'done' },
        { id: 'e5', source: 'welcome', sourcePort: 'unreachable', target: 'unreachable' },
        { id: 'e6', source: 'nudge', sourcePort: 'unreachable', target: 'unreachable' },
      ],
      goal: { name: 'Second purchase', event: { type: 'purchase', filters: [] } },
      settings: {},
      layout: {
        entry: { x: 0, y: 0 },
        welcome: { x: 0, y: 140 },
        'two-days': { x: 0, y: 280 },
        nudge: { x: 0, y: 420 },
        done: { x: 0, y: 560 },
        unreachable: { x: 320, y: 420 },
      },
    },
  },
  { name: smartTriggerWinBack.name.en, definition: smartTriggerWinBack.definition },
  { name: rfmWinBack.name.en, definition: rfmWinBack.definition },
];

/**
 * The demo shop's declared RFM thresholds (a business may fix its own instead of terciles): R3 bought
 * within 90 days, R2 within 180, R1 longer ago; F1 one order, F2 two, F3 three or more; M1 up to $50,
 * M2 up to $100, M3 more. Terciles of the first 200 CDNOW customers leave R1F3M3 empty (those who
 * bought often also bought late in the log), so the gallery's R1F3M3 win-back would have nobody to
 * win back; with these, 14 of them are there as of today.
 */
export const DEMO_RFM_CUT_RULE: RfmCutRule = {
  kind: 'fixed',
  recencyDays: [90, 180],
  purchaseCount: [1, 2],
  totalValue: [50, 100],
};
