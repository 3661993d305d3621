import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { useT } from '../i18n/i18n';
import { readPath } from './read-config';
import { StepShell } from './step-shell';

/** Exit reasons the templates and reports use, shown in words; any other reason is shown as written. */
const KNOWN_REASONS = ['completed', 'converted', 'notConverted'] as const;

/** The end of a path: shows the exit reason. */
export function ExitNode(props: NodeProps<StepNode>) {
  const t = useT();
  const reason = String(readPath(props.data.config, 'reason') ?? '');
  const known = KNOWN_REASONS.find((candidate) => candidate === reason);
  return <StepShell {...props} summary={known ? t(`exitReason.${known}`) : reason} />;
}
