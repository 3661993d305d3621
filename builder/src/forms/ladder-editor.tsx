import { useState } from 'react';
import { DURATION_UNITS } from '@touchpoint/language';
import type { CatalogItem } from '../api/schemas';
import { useT } from '../i18n/i18n';
import { readPath } from '../nodes/read-config';
import { setPath } from './config-path';
import { CallOutcomeFields } from './call-outcome-fields';
import { ChannelPicker, NumberField, SelectField, TextField } from './fields';
import { LadderAxis } from './ladder-axis';
import type { RungMove } from './use-rung-drag';

/** The config with rung `index` moved to `day` whole days from the checkpoint. */
export function moveRung(config: unknown, { index, day }: RungMove): unknown {
  return setPath(config, ['rungs', index, 'offset'], { amount: day, unit: 'days' });
}

/**
 * The escalation ladder edited on its timeline: pick a rung on the axis and drag it (or press ← / →)
 * to change when it fires, or type the days; choose its channels, template and discount.
 */
export function LadderEditor({
  config,
  onChange,
  templates,
  issues,
}: {
  config: unknown;
  onChange: (next: unknown) => void;
  templates: CatalogItem[];
  issues: { path: string; message: string }[];
}) {
  const t = useT();
  const [selected, setSelected] = useState(0);
  // While a rung is dragged the form shows where it would land; the edit is made on release.
  const [preview, setPreview] = useState<RungMove | null>(null);
  const rungs =
    (readPath(preview ? moveRung(config, preview) : config, 'rungs') as unknown[] | undefined) ?? [];
  const index = Math.min(selected, Math.max(0, rungs.length - 1));
  const rung = rungs[index];
  const set = (path: (string | number)[], value: unknown) =>
    onChange(setPath(config, ['rungs', index, ...path], value));
  const isInvalid = (path: string) => issues.some((issue) => issue.path === `rungs.${index}.${path}`);

  const addRung = () => {
    const last = rungs.at(-1);
    const lastDay = Number(readPath(last, 'offset.amount') ?? 0);
    const next = {
      id: `rung-${rungs.length + 1}`,
      offset: { amount: lastDay + 7, unit: 'days' },
      channels: ['sms'],
      templateId: '',
    };
    onChange(setPath(config, ['rungs'], [...rungs, next]));
    setSelected(rungs.length);
  };
  const removeRung = () => {
    onChange(
      setPath(
        config,
        ['rungs'],
        rungs.filter((_, at) => at !== index),
      ),
    );
    setSelected(Math.max(0, index - 1));
  };

  return (
    <div className="ladder-editor">
      <LadderAxis
        config={config}
        selected={index}
        onSelect={setSelected}
        onPreview={setPreview}
        onMoveRung={(move) => onChange(moveRung(config, move))}
      />
      <p className="ladder-hint">{t('ladder.moveHint')}</p>
      <div className="ladder-toolbar">
        <strong>{t('ladder.rung', { index: index + 1 })}</strong>
        <button type="button" onClick={addRung}>
          + {t('ladder.addRung')}
        </button>
        {rungs.length > 1 && (
          <button type="button" onClick={removeRung}>
            {t('form.remove')}
          </button>
        )}
      </div>
      {rung !== undefined && (
        <>
          <div className="field-row">
            <NumberField
              label={t('field.offset')}
              testId="rung-offset"
              value={Number(readPath(rung, 'offset.amount') ?? 0)}
              onChange={(v) => set(['offset', 'amount'], v)}
              isInvalid={isInvalid('offset.amount')}
            />
            <SelectField
              label={t('field.unit')}
              value={String(readPath(rung, 'offset.unit') ?? 'days') as (typeof DURATION_UNITS)[number]}
              options={DURATION_UNITS}
              labelOf={(unit) => t(`option.${unit}`)}
              onChange={(v) => set(['offset', 'unit'], v)}
            />
          </div>
          <ChannelPicker
            label={t('field.channels')}
            value={readPath(rung, 'channels')}
            onChange={(v) => set(['channels'], v)}
          />
          <TextField
            label={t('field.template')}
            testId="rung-template"
            value={String(readPath(rung, 'templateId') ?? '')}
            options={templates}
            onChange={(v) => set(['templateId'], v)}
            isInvalid={isInvalid('templateId')}
          />
          <NumberField
            label={t('field.discount')}
            value={Number(readPath(rung, 'offer.params.percent') ?? 0)}
            onChange={(v) =>
              set(['offer'], v > 0 ? { offerId: 'discount', params: { percent: v } } : undefined)
            }
          />
          <CallOutcomeFields
            value={readPath(rung, 'callOutcome')}
            channels={readPath(rung, 'channels')}
            alwaysWaits
            onChange={(v) => set(['callOutcome'], v)}
          />
        </>
      )}
    </div>
  );
}
