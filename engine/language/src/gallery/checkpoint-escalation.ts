import { edge, layoutRows, type JourneyTemplate } from './template';

const discount = (percent: number) => ({ offerId: 'discount', params: { percent } });

/** Seed 004's mechanics: remind before the checkpoint, stimulate after it, escalate with distance. */
export const checkpointEscalation: JourneyTemplate = {
  id: 'checkpoint-escalation',
  name: { en: 'Before / after checkpoint escalation', ru: 'Эскалация до и после контрольной точки' },
  description: {
    en: 'Remind 3 days before the expected purchase, stimulate 5 days after, then SMS and a call with growing discounts.',
    ru: 'Напоминание за 3 дня до ожидаемой покупки, стимул через 5 дней после, затем SMS и звонок с растущей скидкой.',
  },
  definition: {
    schemaVersion: 1,
    nodes: [
      {
        id: 'entry',
        kind: 'entry',
        name: 'Bought something',
        config: { trigger: { kind: 'event', event: { type: 'purchase', filters: [] } } },
      },
      {
        id: 'ladder',
        kind: 'escalationLadder',
        name: 'Remind, stimulate, escalate',
        config: {
          checkpoint: { source: 'expectedNextPurchase', movedBy: ['purchase'] },
          pastCheckpoint: 'runNow',
          rungs: [
            { id: 'remind', offset: { amount: -3, unit: 'days' }, channels: ['email'], templateId: 'remind' },
            {
              id: 'stimulate',
              offset: { amount: 5, unit: 'days' },
              channels: ['email'],
              templateId: 'stimulate',
              offer: discount(5),
            },
            {
              id: 'sms',
              offset: { amount: 12, unit: 'days' },
              channels: ['sms', 'email'],
              templateId: 'sms-offer',
              offer: discount(10),
            },
            {
              id: 'call',
              offset: { amount: 20, unit: 'days' },
              channels: ['call'],
              templateId: 'call-script',
              offer: discount(15),
            },
          ],
        },
      },
      { id: 'lost', kind: 'exit', name: 'Did not come back', config: { reason: 'notConverted' } },
    ],
    edges: [edge('entry', 'out', 'ladder'), edge('ladder', 'done', 'lost')],
    goal: { name: 'Purchase', event: { type: 'purchase', filters: [] } },
    settings: { reentry: 'afterExit', entryWindow: {}, timezoneFallback: 'UTC' },
    layout: layoutRows([['entry'], ['ladder'], ['lost']]),
  },
};
