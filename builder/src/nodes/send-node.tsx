import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { formatList, readPath } from './read-config';
import { StepShell } from './step-shell';

/** A send: channels in fallback order and the template. */
export function SendNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return (
    <StepShell
      {...props}
      summary={`${formatList(readPath(config, 'channels'))} · ${String(readPath(config, 'templateId') || '—')}`}
    />
  );
}
