import { useMemo, useState } from 'react';
import { DURATION_UNITS, NODE_SCHEMAS } from '@touchpoint/engine/language';
import type { StepNode } from '../canvas/convert';
import { useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { readPath } from '../nodes/read-config';
import { useCatalogs } from './catalogs';
import { setPath } from './config-path';
import { ChannelPicker, NumberField, SelectField, TextField } from './fields';
import { LadderEditor } from './ladder-editor';

type Path = (string | number)[];

/** Zod issues of one step, as `path → message`, checked with the same schema the server uses. */
export function checkStep(node: StepNode): { path: string; message: string }[] {
  const result = NODE_SCHEMAS[node.data.kind].safeParse({
    id: node.id,
    kind: node.data.kind,
    name: node.data.name,
    config: node.data.config,
  });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.filter((key) => key !== 'config').join('.'),
    message: issue.message,
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

  const fields = (() => {
    switch (node.data.kind) {
      case 'entry':
        return readPath(config, 'trigger.kind') === 'segment' ? (
          <TextField
            label={t('field.segment')}
            value={text(['trigger', 'segment'])}
            onChange={(v) => set(['trigger', 'segment'], v)}
            isInvalid={isInvalid('trigger.segment')}
          />
        ) : (
          <TextField
            label={t('field.eventType')}
            testId="field-event-type"
            value={text(['trigger', 'event', 'type'])}
            options={catalogs.events}
            onChange={(v) => set(['trigger', 'event', 'type'], v)}
            isInvalid={isInvalid('trigger.event.type')}
          />
        );
      case 'send':
        return (
          <>
            <ChannelPicker
              label={t('field.channels')}
              value={readPath(config, 'channels')}
              onChange={(v) => set(['channels'], v)}
            />
            <TextField
              label={t('field.template')}
              testId="field-template"
              value={text(['templateId'])}
              options={catalogs.templates}
              onChange={(v) => set(['templateId'], v)}
              isInvalid={isInvalid('templateId')}
            />
            <TextField
              label={t('field.offer')}
              value={text(['offer', 'offerId'])}
              options={catalogs.offers}
              onChange={(v) =>
                set(['offer'], v ? { offerId: v, params: readPath(config, 'offer.params') ?? {} } : undefined)
              }
            />
          </>
        );
      case 'wait':
        return readPath(config, 'mode') === 'duration' ? (
          <DurationFields
            t={t}
            amount={num(['duration', 'amount'])}
            unit={text(['duration', 'unit'])}
            onAmount={(v) => set(['duration', 'amount'], v)}
            onUnit={(v) => set(['duration', 'unit'], v)}
            label={t('field.duration')}
          />
        ) : null;
      case 'waitForEvent':
        return (
          <>
            <TextField
              label={t('field.eventType')}
              value={text(['exits', 0, 'event', 'type'])}
              options={catalogs.events}
              onChange={(v) => set(['exits', 0, 'event', 'type'], v)}
              isInvalid={isInvalid('exits.0.event.type')}
            />
            <DurationFields
              t={t}
              amount={num(['timeout', 'amount'])}
              unit={text(['timeout', 'unit'])}
              onAmount={(v) => set(['timeout', 'amount'], v)}
              onUnit={(v) => set(['timeout', 'unit'], v)}
              label={t('field.timeout')}
            />
          </>
        );
      case 'escalationLadder':
        return (
          <LadderEditor
            config={config}
            onChange={(next) => store.getState().updateStep(node.id, { config: next })}
            templates={catalogs.templates}
            issues={issues}
          />
        );
      case 'startJourney':
        return (
          <TextField
            label={t('field.journey')}
            value={text(['journeyId'])}
            onChange={(v) => set(['journeyId'], v)}
            isInvalid={isInvalid('journeyId')}
          />
        );
      case 'exit':
        return (
          <TextField
            label={t('field.reason')}
            value={text(['reason'])}
            onChange={(v) => set(['reason'], v)}
          />
        );
      case 'conditionSplit':
      case 'randomSplit':
      case 'updateClient':
        return null;
      default: {
        const unhandled: never = node.data.kind;
        return unhandled;
      }
    }
  })();

  return (
    <form className="step-form" onSubmit={(event) => event.preventDefault()} data-testid="step-form">
      <TextField
        label={t('form.name')}
        value={node.data.name ?? ''}
        onChange={(v) => store.getState().updateStep(node.id, { name: v || undefined })}
      />
      {fields}
      {issues.length > 0 && (
        <ul className="form-issues" role="alert">
          {issues.map((issue) => (
            <li key={`${issue.path}-${issue.message}`}>
              <code>{issue.path || '—'}</code> {issue.message}
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

function DurationFields(props: {
  t: ReturnType<typeof useT>;
  label: string;
  amount: number;
  unit: string;
  onAmount: (v: number) => void;
  onUnit: (v: string) => void;
}) {
  return (
    <div className="field-row">
      <NumberField label={props.label} value={props.amount} onChange={props.onAmount} />
      <SelectField
        label={props.t('field.unit')}
        value={props.unit as (typeof DURATION_UNITS)[number]}
        options={DURATION_UNITS}
        onChange={props.onUnit}
      />
    </div>
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
