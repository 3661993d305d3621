import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type CSSProperties, type ReactNode } from 'react';
import { useEditor } from '../canvas/editor-context';
import { INPUT_HANDLE, type StepNode } from '../canvas/convert';
import { useT, type MessageKey } from '../i18n/i18n';
import { callPortOf, portItem, portsOfStep } from './ports';
import { describeProblem } from './describe-problem';
import { NODE_LOOKS } from './looks';
import { StepFunnel } from './step-funnel';
import { StepUplift } from './step-uplift';
import { StepMigration, migrationClassOf } from './step-migration';
import type { TestPathResult } from '../api/schemas';

function PortLabel({ data, port }: { data: StepNode['data']; port: string }) {
  const t = useT();
  const call = callPortOf(port);
  if (call) {
    const outcome = t(`operator.outcome.${call.outcome}`);
    return <>{call.rungId ? `${call.rungId}: ${outcome}` : outcome}</>;
  }
  const item = portItem(data, port);
  if (item) return <>{item.name ?? item.id}</>;
  return <>{t(`port.${port}` as MessageKey)}</>;
}

/** Days (from the start of a test path) the client arrived at drawn step `id`, each day once. */
function daysOnPath(path: TestPathResult | null, id: string): number[] {
  if (!path) return [];
  const days = path.steps.filter((step) => step.drawnNodeId === id).map((step) => Math.round(step.day));
  return [...new Set(days)];
}

/** Steps with many exits grow wider so every exit keeps a readable label and its own handle. */
const PORT_WIDTH = 68;
function widthFor(portCount: number, color: string): CSSProperties {
  if (portCount <= 3) return { borderTopColor: color };
  return { borderTopColor: color, minWidth: portCount * PORT_WIDTH, maxWidth: 'none' };
}

/**
 * The frame every step shares: kind badge, name, a one-line summary, its problems, its stats,
 * one input handle on top and one output handle per port along the bottom, labelled.
 */
function StepShellView({ id, data, selected, summary }: NodeProps<StepNode> & { summary: ReactNode }) {
  const t = useT();
  const allProblems = useEditor((state) => state.problems);
  const stats = useEditor((state) => state.stats?.nodes[id]);
  const change = useEditor((state) => state.diff?.[id]);
  const testPath = useEditor((state) => state.testPath);
  const migration = useEditor((state) => state.migration?.[id]);
  const isMigrating = useEditor((state) => state.migration !== null);
  const pathDays = useMemo(() => daysOnPath(testPath, id), [testPath, id]);
  const problems = useMemo(() => allProblems.filter((problem) => problem.nodeId === id), [allProblems, id]);
  const ports = portsOfStep(data);
  const look = NODE_LOOKS[data.kind];
  const className = [
    'step',
    `step-${data.kind}`,
    selected ? 'selected' : '',
    problems.length ? 'has-problems' : '',
    change ? `diff-${change}` : '',
    pathDays.length > 0 ? 'on-path' : '',
    isMigrating ? migrationClassOf(migration) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} style={widthFor(ports.length, look.color)} data-testid={`step-${id}`}>
      {data.kind !== 'entry' && <Handle type="target" position={Position.Top} id={INPUT_HANDLE} />}
      <div className="step-kind" style={{ color: look.color }}>
        <span aria-hidden>{look.icon}</span> {t(`node.${data.kind}`)}
      </div>
      {/* A step not named yet goes by its kind: ids like "send-2" are for the machine. */}
      <div className="step-name" title={id}>
        {data.name ?? t(`node.${data.kind}`)}
      </div>
      <div className="step-summary">{summary}</div>
      {problems.length > 0 && (
        <ul className="step-problems" role="alert">
          {problems.slice(0, 2).map((problem) => (
            <li key={`${problem.code}-${problem.message}`} title={problem.message}>
              ⚠ {describeProblem(problem, t)}
            </li>
          ))}
          {problems.length > 2 && <li>+{problems.length - 2}</li>}
        </ul>
      )}
      {pathDays.length > 0 && (
        <div className="step-path" data-testid={`path-${id}`}>
          ◉ {t('testPath.onCanvas', { days: pathDays.join(', ') })}
        </div>
      )}
      {migration && <StepMigration nodeId={id} mark={migration} />}
      {stats && (
        <div className="step-stats">
          <span title={t('stats.entered')}>▶ {stats.entered}</span>
          <span title={t('stats.waiting')}>◔ {stats.waiting}</span>
          <span title={t('stats.sent')}>✉ {stats.sent}</span>
          <span title={t('stats.converted')}>★ {stats.converted}</span>
          {stats.failed > 0 && (
            <span className="step-stats-failed" title={t('stats.failed')}>
              ✖ {stats.failed}
            </span>
          )}
        </div>
      )}
      {stats && <StepFunnel nodeId={id} />}
      {stats && <StepUplift nodeId={id} />}
      {ports.length > 0 && (
        <div className="step-ports">
          {ports.map((port) => (
            <div className="step-port" key={port}>
              <span className="step-port-label">
                <PortLabel data={data} port={port} />
              </span>
              <Handle
                type="source"
                position={Position.Bottom}
                id={port}
                className={`port port-${port.split(':')[0]}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const StepShell = memo(StepShellView);
