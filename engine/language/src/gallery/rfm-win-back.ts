import { edge, layoutRows, type JourneyTemplate } from './template';

/** Seed 003's R1F3M3 cell: frequent, high-value clients who have been gone a long time. */
export const rfmWinBack: JourneyTemplate = {
  id: 'rfm-r1f3m3-win-back',
  name: { en: 'RFM R1F3M3 win-back', ru: 'Возврат RFM R1F3M3' },
  description: {
    en: 'Best clients who stopped buying: a personal offer by the channel they still read, then a personal call.',
    ru: 'Лучшие клиенты, которые перестали покупать: персональное предложение в канал, который они читают, затем личный звонок.',
  },
  definition: {
    schemaVersion: 1,
    nodes: [
      {
        id: 'entry',
        kind: 'entry',
        name: 'Entered R1F3M3',
        config: { trigger: { kind: 'segment', segment: 'R1F3M3', on: 'enter' } },
      },
      {
        id: 'reads-email',
        kind: 'conditionSplit',
        name: 'Still reads email?',
        config: {
          branches: [
            {
              id: 'reader',
              name: 'Opened in 30 days',
              condition: {
                match: 'all',
                predicates: [
                  { kind: 'engagement', eventTypes: ['email.opened'], withinDays: 30, atLeast: 1 },
                ],
              },
            },
          ],
        },
      },
      {
        id: 'email',
        kind: 'send',
        name: 'Personal offer by email',
        config: {
          channels: ['email'],
          templateId: 'vip-offer',
          offer: { offerId: 'discount', params: { percent: 15 } },
        },
      },
      {
        id: 'sms',
        kind: 'send',
        name: 'Personal offer by SMS',
        config: {
          channels: ['sms'],
          templateId: 'vip-offer-sms',
          offer: { offerId: 'discount', params: { percent: 15 } },
        },
      },
      {
        id: 'bought',
        kind: 'waitForEvent',
        name: 'Bought within 10 days?',
        config: {
          exits: [{ id: 'bought', name: 'Bought', event: { type: 'purchase', filters: [] } }],
          timeout: { amount: 10, unit: 'days' },
        },
      },
      {
        id: 'call',
        kind: 'send',
        name: 'Personal manager calls',
        config: {
          channels: ['call'],
          templateId: 'vip-call-script',
          offer: { offerId: 'discount', params: { percent: 20 } },
        },
      },
      {
        id: 'tag',
        kind: 'updateClient',
        name: 'Mark as called',
        config: { setAttributes: {}, addTags: ['vip-win-back-called'], removeTags: [] },
      },
      { id: 'won', kind: 'exit', name: 'Came back', config: { reason: 'converted' } },
      { id: 'done', kind: 'exit', name: 'Finished', config: { reason: 'completed' } },
    ],
    edges: [
      edge('entry', 'out', 'reads-email'),
      edge('reads-email', 'branch:reader', 'email'),
      edge('reads-email', 'else', 'sms'),
      edge('email', 'sent', 'bought'),
      edge('email', 'unreachable', 'sms'),
      edge('sms', 'sent', 'bought'),
      edge('sms', 'unreachable', 'call'),
      edge('bought', 'event:bought', 'won'),
      edge('bought', 'timeout', 'call'),
      edge('call', 'sent', 'tag'),
      edge('call', 'unreachable', 'done'),
      edge('tag', 'out', 'done'),
    ],
    goal: {
      name: 'Purchase',
      event: { type: 'purchase', filters: [] },
      window: { amount: 30, unit: 'days' },
    },
    settings: { reentry: 'afterExit', entryWindow: {}, timezoneFallback: 'UTC' },
    layout: layoutRows([
      ['entry'],
      ['reads-email'],
      ['email', 'sms'],
      ['bought'],
      ['won', 'call'],
      ['tag'],
      ['done'],
    ]),
  },
};
