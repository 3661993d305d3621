import type { NodeProps } from '@xyflow/react';
import type { StepNode } from '../canvas/convert';
import { useT } from '../i18n/i18n';
import { formatChannel, formatList, readPath } from './read-config';
import { StepShell } from './step-shell';

/** A send: channels in fallback order and the template. */
export function SendNode(props: NodeProps<StepNode>) {
  const t = useT();
  const config = props.data.config;
  const channels = readPath(config, 'channels');
  const named = Array.isArray(channels) ? channels.map((channel) => formatChannel(String(channel), t)) : [];
  return (
    <StepShell
      {...props}
      summary={`${formatList(named)} · ${String(readPath(config, 'templateId') || '—')}`}
    />
  );
}
