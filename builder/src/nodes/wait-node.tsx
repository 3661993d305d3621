import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { formatDuration, readPath } from './read-config';
import { useT } from '../i18n/i18n';
import { StepShell } from './step-shell';

/** A wait: shows how long or until when. */
export function WaitNode(props: NodeProps<StepNode>) {
  const t = useT();
  const config = props.data.config;
  return (
    <StepShell
      {...props}
      summary={
        formatDuration(readPath(config, 'duration'), t) ||
        String(readPath(config, 'time') ?? '') ||
        formatDuration(readPath(config, 'offset'), t)
      }
    />
  );
}
