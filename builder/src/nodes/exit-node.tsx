import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { useT } from '../i18n/i18n';
import { EXIT_REASONS } from './exit-reasons';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** The end of a path: shows the exit reason. */
export function ExitNode(props: NodeProps<StepNode>) {
  const t = useT();
  const reason = String(readPath(props.data.config, 'reason') ?? '');
  const known = EXIT_REASONS.find((candidate) => candidate === reason);
  return <StepShell {...props} summary={known ? t(`exitReason.${known}`) : reason} />;
}
