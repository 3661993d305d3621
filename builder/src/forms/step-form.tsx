import { useMemo, useState } from 'react';
import { NODE_SCHEMAS, toProblemIssues, type ProblemIssue } from '@touchpoint/language';
import type { StepNode } from '../canvas/convert';
import { useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { describeIssue } from '../nodes/describe-issue';
import { readPath } from '../nodes/read-config';
import { useCatalogs } from './catalogs';
import { setPath } from './config-path';
import type { FieldContext, Path } from './field-context';
import { TextField } from './fields';
import { KindFields } from './kind-fields';

/**
 * Issues of one step, as `path → message` plus the rule it broke (said in words under the form),
 * checked with the same schema the server uses.
 */
export function checkStep(node: StepNode): { path: string; message: string; issue: ProblemIssue }[] {
  const result = NODE_SCHEMAS[node.data.kind].safeParse({
    id: node.id,
    kind: node.data.kind,
    name: node.data.name,
    config: node.data.config,
  });
  if (result.success) return [];
  return toProblemIssues(result.error.issues).map((issue) => ({
    path: issue.path.filter((key) => key !== 'config').join('.'),
    message: issue.message,
    issue,
  }));
}

/** The side-panel form of one step: quick fields for what marketers change most, JSON for the rest. */
export function StepForm({ node }: { node: StepNode }) {
  const t = useT();
  const store = useEditorStore();
  const catalogs = useCatalogs();
  const issues = useMemo(() => checkStep(node), [node]);
  const config = node.data.config;
  const isInvalid = (path: string) => issues.some((issue) => issue.path === path);
  const set = (path: Path, value: unknown) =>
    store.getState().updateStep(node.id, { config: setPath(config, path, value) });
  const text = (path: Path) => String(readPath(config, path.join('.')) ?? '');
  const num = (path: Path) => Number(readPath(config, path.join('.')) ?? 0);

  const f: FieldContext = {
    config,
    t,
    catalogs,
    set,
    replace: (next) => store.getState().updateStep(node.id, { config: next }),
    text,
    num,
    isInvalid,
    issues,
  };

  return (
    <form className="step-form" onSubmit={(event) => event.preventDefault()} data-testid="step-form">
      <TextField
        label={t('form.name')}
        value={node.data.name ?? ''}
        onChange={(v) => store.getState().updateStep(node.id, { name: v || undefined })}
      />
      <KindFields kind={node.data.kind} f={f} />
      {issues.length > 0 && (
        <ul className="form-issues" role="alert">
          {issues.map((issue) => (
            <li key={`${issue.path}-${issue.message}`} title={`${issue.path}: ${issue.message}`}>
              {describeIssue(issue.issue, t)}
            </li>
          ))}
        </ul>
      )}
      <JsonEditor
        key={JSON.stringify(config)}
        value={config}
        label={t('form.json')}
        onChange={(next) => store.getState().updateStep(node.id, { config: next })}
      />
    </form>
  );
}

function JsonEditor({
  value,
  label,
  onChange,
}: {
  value: unknown;
  label: string;
  onChange: (v: unknown) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="json-editor">
      <summary>{label}</summary>
      <textarea
        rows={10}
        value={text}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          try {
            onChange(JSON.parse(text));
            setError(null);
          } catch (failure) {
            setError(failure instanceof Error ? failure.message : String(failure));
          }
        }}
      />
      {error && <p className="error-box">{error}</p>}
    </details>
  );
}
