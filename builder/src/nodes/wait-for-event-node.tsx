import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { formatDuration, readPath } from './read-config';
import { useT } from '../i18n/i18n';
import { StepShell } from './step-shell';

/** A wait for the client's action: shows the timeout (exits are its ports). */
export function WaitForEventNode(props: NodeProps<StepNode>) {
  const t = useT();
  const config = props.data.config;
  return <StepShell {...props} summary={`≤ ${formatDuration(readPath(config, 'timeout'), t)}`} />;
}
