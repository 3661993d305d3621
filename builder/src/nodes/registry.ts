import type { NodeProps, NodeTypes } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { NodeKind } from '@touchpoint/language';
import type { StepNode } from '../canvas/convert';
import { ConditionSplitNode } from './condition-split-node';
import { EntryNode } from './entry-node';
import { EscalationLadderNode } from './escalation-ladder-node';
import { ExitNode } from './exit-node';
import { RandomSplitNode } from './random-split-node';
import { SendNode } from './send-node';
import { StartJourneyNode } from './start-journey-node';
import { UpdateClientNode } from './update-client-node';
import { WaitForEventNode } from './wait-for-event-node';
import { WaitNode } from './wait-node';

/** The canvas component of every node kind. A new kind fails to compile until it is added here. */
export const NODE_COMPONENTS: Record<NodeKind, ComponentType<NodeProps<StepNode>>> = {
  entry: EntryNode,
  wait: WaitNode,
  waitForEvent: WaitForEventNode,
  conditionSplit: ConditionSplitNode,
  randomSplit: RandomSplitNode,
  send: SendNode,
  escalationLadder: EscalationLadderNode,
  updateClient: UpdateClientNode,
  startJourney: StartJourneyNode,
  exit: ExitNode,
};

/** React Flow's `nodeTypes`: the node `type` on the canvas is the journey node kind. */
export const nodeTypes = NODE_COMPONENTS as NodeTypes;
