import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { LadderAxis } from '../forms/ladder-axis';
import { StepShell } from './step-shell';

/** An escalation ladder: its rungs drawn on the checkpoint axis right on the canvas. */
export function EscalationLadderNode(props: NodeProps<StepNode>) {
  return <StepShell {...props} summary={<LadderAxis config={props.data.config} compact />} />;
}
