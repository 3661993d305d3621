import type { PlanNode } from '@touchpoint/language';
import type { RunContext } from '../run-context';
import { runSend, runStartJourney, runUpdateClient } from './actions';
import { viaPort } from './outcome';
import type { NodeOutcome } from './outcome';
import { runConditionSplit, runRandomSplit } from './splits';
import { runWait } from './wait';
import { runWaitForEvent } from './wait-for-event';

/** Dispatches to the handler of the node's kind. */
export async function runNode(node: PlanNode, ctx: RunContext): Promise<NodeOutcome> {
  switch (node.kind) {
    case 'entry':
      return viaPort('out');
    case 'wait':
      return runWait(node, ctx);
    case 'waitForEvent':
      return runWaitForEvent(node, ctx);
    case 'conditionSplit':
      return runConditionSplit(node, ctx);
    case 'randomSplit':
      return runRandomSplit(node, ctx);
    case 'send':
      return runSend(node, ctx);
    case 'updateClient':
      return runUpdateClient(node, ctx);
    case 'startJourney':
      return runStartJourney(node, ctx);
    case 'exit':
      return { kind: 'exit', status: 'completed', reason: node.config.reason };
    default: {
      const unhandled: never = node;
      throw new Error(`Unhandled node kind ${JSON.stringify(unhandled)}`);
    }
  }
}
