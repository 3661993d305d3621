import { edge, layoutRows, type JourneyTemplate } from './template';

/** A new client's first week: welcome, a tip if they did not click, then an A/B-tested first-order offer. */
export const welcomeSeries: JourneyTemplate = {
  id: 'welcome-series',
  name: { en: 'Welcome series', ru: 'Приветственная серия' },
  description: {
    en: 'Welcome email at sign-up, a reminder for those who did not open it, then two first-purchase offers compared.',
    ru: 'Приветственное письмо при регистрации, напоминание тем, кто не открыл, и сравнение двух предложений на первую покупку.',
  },
  definition: {
    schemaVersion: 1,
    nodes: [
      {
        id: 'entry',
        kind: 'entry',
        name: 'Signed up',
        config: { trigger: { kind: 'event', event: { type: 'signup', filters: [] } } },
      },
      {
        id: 'welcome',
        kind: 'send',
        name: 'Welcome',
        config: { channels: ['email'], templateId: 'welcome' },
      },
      {
        id: 'opened',
        kind: 'waitForEvent',
        name: 'Opened it?',
        config: {
          exits: [
            {
              id: 'open',
              name: 'Opened',
              event: { type: 'email.opened', filters: [] },
              scope: { kind: 'messageFromNode', nodeId: 'welcome' },
            },
          ],
          timeout: { amount: 3, unit: 'days' },
        },
      },
      {
        id: 'nudge',
        kind: 'send',
        name: 'Gentle nudge',
        config: { channels: ['email'], templateId: 'welcome-nudge' },
      },
      {
        id: 'ab',
        kind: 'randomSplit',
        name: 'Which offer works?',
        config: {
          variants: [
            { id: 'a', name: 'Free delivery', weight: 50 },
            { id: 'b', name: '10% off', weight: 50 },
          ],
        },
      },
      {
        id: 'offer-a',
        kind: 'send',
        name: 'Free delivery',
        config: {
          channels: ['email'],
          templateId: 'first-order',
          offer: { offerId: 'free-delivery', params: {} },
        },
      },
      {
        id: 'offer-b',
        kind: 'send',
        name: '10% off',
        config: {
          channels: ['email'],
          templateId: 'first-order',
          offer: { offerId: 'discount', params: { percent: 10 } },
        },
      },
      { id: 'done', kind: 'exit', name: 'Finished', config: { reason: 'completed' } },
    ],
    edges: [
      edge('entry', 'out', 'welcome'),
      edge('welcome', 'sent', 'opened'),
      edge('welcome', 'unreachable', 'done'),
      edge('opened', 'event:open', 'ab'),
      edge('opened', 'timeout', 'nudge'),
      edge('nudge', 'sent', 'ab'),
      edge('nudge', 'unreachable', 'done'),
      edge('ab', 'variant:a', 'offer-a'),
      edge('ab', 'variant:b', 'offer-b'),
      edge('offer-a', 'sent', 'done'),
      edge('offer-a', 'unreachable', 'done'),
      edge('offer-b', 'sent', 'done'),
      edge('offer-b', 'unreachable', 'done'),
    ],
    goal: {
      name: 'First purchase',
      event: { type: 'purchase', filters: [] },
      window: { amount: 14, unit: 'days' },
    },
    settings: { reentry: 'once', entryWindow: {}, timezoneFallback: 'UTC' },
    layout: layoutRows([
      ['entry'],
      ['welcome'],
      ['opened'],
      ['nudge'],
      ['ab'],
      ['offer-a', 'offer-b'],
      ['done'],
    ]),
  },
};
