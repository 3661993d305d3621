import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** A random split: shows the weights. */
export function RandomSplitNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return (
    <StepShell
      {...props}
      summary={((readPath(config, 'variants') as { weight?: number }[] | undefined) ?? [])
        .map((v) => `${v.weight ?? 0}%`)
        .join(' / ')}
    />
  );
}
