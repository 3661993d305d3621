import type { JourneyNode } from './nodes';

/**
 * Output ports of a node, in display order. entry/wait/updateClient/startJourney: `out`;
 * waitForEvent: `event:<exitId>` per exit plus `timeout`; conditionSplit: `branch:<branchId>` per
 * branch plus `else`; randomSplit: `variant:<variantId>`; send: `sent`, `unreachable`, plus
 * `call:<outcome>` per call outcome exit; escalationLadder: `done`, plus `call:<rungId>:<outcome>` per
 * call outcome exit of a rung; exit: none.
 */
export function outputPortsOf(node: JourneyNode): string[] {
  switch (node.kind) {
    case 'entry':
    case 'wait':
    case 'updateClient':
    case 'startJourney':
      return ['out'];
    case 'waitForEvent':
      return [...node.config.exits.map((exit) => `event:${exit.id}`), 'timeout'];
    case 'conditionSplit':
      return [...node.config.branches.map((branch) => `branch:${branch.id}`), 'else'];
    case 'randomSplit':
      return node.config.variants.map((variant) => `variant:${variant.id}`);
    case 'send':
      return [
        'sent',
        'unreachable',
        ...(node.config.callOutcome?.exits ?? []).map((outcome) => `call:${outcome}`),
      ];
    case 'escalationLadder':
      return [
        'done',
        ...node.config.rungs.flatMap((rung) =>
          (rung.callOutcome?.exits ?? []).map((outcome) => `call:${rung.id}:${outcome}`),
        ),
      ];
    case 'exit':
      return [];
    default: {
      const unhandled: never = node;
      throw new Error(`Unhandled node kind ${JSON.stringify(unhandled)}`);
    }
  }
}
