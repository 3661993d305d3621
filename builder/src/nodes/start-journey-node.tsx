import type { NodeProps } from '@xyflow/react';
import { useJourneyNames } from '../api/journey-names';
import type { StepNode } from '../canvas/convert';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** A hand-over to another journey, named as the marketer named it (its id while the name is unknown). */
export function StartJourneyNode(props: NodeProps<StepNode>) {
  const names = useJourneyNames();
  const journeyId = String(readPath(props.data.config, 'journeyId') ?? '');
  return <StepShell {...props} summary={journeyId ? `→ ${names[journeyId] ?? journeyId}` : '—'} />;
}
