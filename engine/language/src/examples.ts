import type { z } from 'zod';
import type { JourneyDefinition } from './definition';

/**
 * Seed 004's lifecycle chain as a definition: remind three days before the expected next purchase,
 * stimulate five days after it, SMS at twelve, call at twenty, with a growing discount; the goal is a
 * purchase. Used by tests, the builder's demo and documentation.
 */
export const SEED_004_JOURNEY: z.input<typeof JourneyDefinition> = {
  schemaVersion: 1,
  nodes: [
    { id: 'entry', kind: 'entry', config: { trigger: { kind: 'manual' } } },
    {
      id: 'ladder',
      kind: 'escalationLadder',
      name: 'Remind, stimulate, escalate',
      config: {
        checkpoint: { source: 'expectedNextPurchase' },
        pastCheckpoint: 'runNow',
        rungs: [
          { id: 'remind', offset: { amount: -3, unit: 'days' }, channels: ['email'], templateId: 'remind' },
          {
            id: 'stimulate',
            offset: { amount: 5, unit: 'days' },
            channels: ['email'],
            templateId: 'stimulate',
            offer: { offerId: 'discount', params: { percent: 5 } },
          },
          {
            id: 'sms',
            offset: { amount: 12, unit: 'days' },
            channels: ['sms', 'email'],
            templateId: 'sms-offer',
            offer: { offerId: 'discount', params: { percent: 10 } },
          },
          {
            id: 'call',
            offset: { amount: 20, unit: 'days' },
            channels: ['call'],
            templateId: 'call-script',
            offer: { offerId: 'discount', params: { percent: 15 } },
          },
        ],
      },
    },
    { id: 'lost', kind: 'exit', config: { reason: 'notConverted' } },
  ],
  edges: [
    { id: 'e1', source: 'entry', sourcePort: 'out', target: 'ladder' },
    { id: 'e2', source: 'ladder', sourcePort: 'done', target: 'lost' },
  ],
  goal: { name: 'Purchase', event: { type: 'purchase', filters: [] } },
  settings: { reentry: 'afterExit', entryWindow: {}, timezoneFallback: 'UTC' },
  // Room under the ladder for what grows it on the canvas: a problem, a test path, its results.
  layout: { entry: { x: 0, y: 0 }, ladder: { x: 0, y: 150 }, lost: { x: 0, y: 400 } },
};
