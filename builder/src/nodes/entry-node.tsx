import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** An entry step: shows what brings clients in. */
export function EntryNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return (
    <StepShell
      {...props}
      summary={String(
        readPath(config, 'trigger.event.type') ??
          readPath(config, 'trigger.segment') ??
          readPath(config, 'trigger.kind') ??
          '',
      )}
    />
  );
}
