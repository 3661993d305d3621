import { edge, layoutRows, type JourneyTemplate } from './template';

/** Seed 004's smart trigger: a client overdue against their own purchase rhythm gets won back. */
export const smartTriggerWinBack: JourneyTemplate = {
  id: 'smart-trigger-win-back',
  name: { en: 'Smart-trigger win-back', ru: 'Возврат по умному триггеру' },
  description: {
    en: 'When a client is later than their usual interval between purchases: email, then an SMS with a bigger discount.',
    ru: 'Клиент опаздывает относительно своего обычного интервала между покупками: письмо, затем SMS со скидкой больше.',
  },
  definition: {
    schemaVersion: 1,
    nodes: [
      {
        id: 'entry',
        kind: 'entry',
        name: 'Overdue for a purchase',
        config: { trigger: { kind: 'segment', segment: 'overdue', on: 'enter' } },
      },
      {
        id: 'email',
        kind: 'send',
        name: 'We miss you',
        config: {
          channels: ['email'],
          templateId: 'win-back-email',
          offer: { offerId: 'discount', params: { percent: 5 } },
        },
      },
      {
        id: 'wait-buy',
        kind: 'waitForEvent',
        name: 'Bought within a week?',
        config: {
          exits: [{ id: 'bought', name: 'Bought', event: { type: 'purchase', filters: [] } }],
          timeout: { amount: 7, unit: 'days' },
        },
      },
      {
        id: 'sms',
        kind: 'send',
        name: 'Bigger discount',
        config: {
          channels: ['sms', 'email'],
          templateId: 'win-back-sms',
          offer: { offerId: 'discount', params: { percent: 10 } },
        },
      },
      { id: 'won', kind: 'exit', name: 'Won back', config: { reason: 'converted' } },
      { id: 'done', kind: 'exit', name: 'Finished', config: { reason: 'completed' } },
    ],
    edges: [
      edge('entry', 'out', 'email'),
      edge('email', 'sent', 'wait-buy'),
      edge('email', 'unreachable', 'done'),
      edge('wait-buy', 'event:bought', 'won'),
      edge('wait-buy', 'timeout', 'sms'),
      edge('sms', 'sent', 'done'),
      edge('sms', 'unreachable', 'done'),
    ],
    goal: {
      name: 'Purchase',
      event: { type: 'purchase', filters: [] },
      window: { amount: 30, unit: 'days' },
    },
    settings: { reentry: 'afterExit', entryWindow: {}, timezoneFallback: 'UTC' },
    layout: layoutRows([['entry'], ['email'], ['wait-buy'], ['won', 'sms'], ['done']]),
  },
};
