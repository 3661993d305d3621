import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { formatList, readPath } from './read-config';
import { StepShell } from './step-shell';

/** An attribute or tag change. */
export function UpdateClientNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return (
    <StepShell
      {...props}
      summary={
        formatList(readPath(config, 'addTags'), ', ') ||
        Object.keys((readPath(config, 'setAttributes') as object | undefined) ?? {}).join(', ')
      }
    />
  );
}
