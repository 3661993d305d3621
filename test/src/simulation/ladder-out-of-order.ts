import { SEED_004_JOURNEY } from '@touchpoint/language';

/**
 * Seed 004's chain with its ladder's second rung (`stimulate`) moved before the first: the language
 * refuses it (`rungsOutOfOrder`), so publish does, and so must both simulations.
 */
export const LADDER_OUT_OF_ORDER = {
  ...SEED_004_JOURNEY,
  nodes: SEED_004_JOURNEY.nodes.map((node) =>
    node.kind === 'escalationLadder'
      ? {
          ...node,
          config: {
            ...node.config,
            rungs: node.config.rungs.map((rung) =>
              rung.id === 'stimulate' ? { ...rung, offset: { amount: -10, unit: 'days' as const } } : rung,
            ),
          },
        }
      : node,
  ),
};
