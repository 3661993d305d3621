import type { JourneyNode } from './nodes';

/**
 * Output ports of a node, in display order. entry/wait/updateClient/startJourney: `out`;
 * waitForEvent: `event:<exitId>` per exit plus `timeout`; conditionSplit: `branch:<branchId>` per
 * branch plus `else`; randomSplit: `variant:<variantId>`; send: `sent`, `unreachable`;
 * escalationLadder: `done`; exit: none.
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
      return ['sent', 'unreachable'];
    case 'escalationLadder':
      return ['done'];
    case 'exit':
      return [];
    default: {
      const unhandled: never = node;
      throw new Error(`Unhandled node kind ${JSON.stringify(unhandled)}`);
    }
  }
}
