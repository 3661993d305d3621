import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** The end of a path: shows the exit reason. */
export function ExitNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return <StepShell {...props} summary={String(readPath(config, 'reason') ?? '')} />;
}
