import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** A hand-over to another journey. */
export function StartJourneyNode(props: NodeProps<StepNode>) {
  const config = props.data.config;
  return <StepShell {...props} summary={String(readPath(config, 'journeyId') || '—')} />;
}
