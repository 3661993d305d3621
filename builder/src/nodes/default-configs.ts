import { assertNever, type NodeKind } from '@touchpoint/language';

/**
 * The config a freshly dropped step starts with: sensible defaults where the language has one,
 * blanks where only the marketer can decide (which template to send), so validation asks for them.
 */
export function createDefaultConfig(kind: NodeKind): unknown {
  switch (kind) {
    case 'entry':
      return { trigger: { kind: 'event', event: { type: '', filters: [] } } };
    case 'wait':
      return { mode: 'duration', duration: { amount: 1, unit: 'days' } };
    case 'waitForEvent':
      return {
        exits: [{ id: 'done', event: { type: '', filters: [] } }],
        timeout: { amount: 3, unit: 'days' },
      };
    case 'conditionSplit':
      return {
        branches: [
          { id: 'yes', condition: { match: 'all', predicates: [{ kind: 'tag', tag: '', has: true }] } },
        ],
      };
    case 'randomSplit':
      return {
        variants: [
          { id: 'a', weight: 50 },
          { id: 'b', weight: 50 },
        ],
      };
    case 'send':
      return { channels: ['email'], templateId: '', quietHours: 'defer' };
    case 'escalationLadder':
      return {
        checkpoint: { source: 'expectedNextPurchase', movedBy: ['purchase'] },
        pastCheckpoint: 'runNow',
        quietHours: 'defer',
        rungs: [
          { id: 'remind', offset: { amount: -3, unit: 'days' }, channels: ['email'], templateId: '' },
          { id: 'stimulate', offset: { amount: 5, unit: 'days' }, channels: ['email'], templateId: '' },
        ],
      };
    case 'updateClient':
      return { setAttributes: {}, addTags: [], removeTags: [] };
    case 'startJourney':
      return { journeyId: '' };
    case 'exit':
      return { reason: 'completed' };
    default:
      return assertNever(kind, 'node kind');
  }
}
