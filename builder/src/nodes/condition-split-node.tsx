import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** A condition split: one port per branch plus everyone else. */
export function ConditionSplitNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return (
    <StepShell
      {...props}
      summary={`${(readPath(config, 'branches') as unknown[] | undefined)?.length ?? 0} ⋔`}
    />
  );
}
