import { useState } from 'react';
import type { z } from 'zod';
import {
  JOURNEY_PURPOSES,
  MAX_HOLDOUT_SHARE,
  STRATUM_FACTS,
  STRATUM_SEGMENT_FAMILIES,
  type HoldoutStratum,
  type JourneySettings,
  type JourneyHoldout,
  type JourneyPurpose,
  type StratumFact,
} from '@touchpoint/language';
import { useT } from '../i18n/i18n';
import { RemoveButton, SelectField, withoutIndex } from './fields';
import { HoldoutPlanner } from './holdout-planner';
import { canAddStratum, parseBounds } from './holdout-model';
import { PercentField } from './percent-field';
import { useStratumLabel } from './stratum-label';

type SettingsDraft = z.input<typeof JourneySettings>;
type HoldoutDraft = z.input<typeof JourneyHoldout>;

const NEW_HOLDOUT: HoldoutDraft = { share: 0.1, strata: [], minimumDetectableEffect: 0.1 };

/**
 * The journey's control group: what the journey is for (transactional ones are exempt from the
 * global control group), whether a share of its entrants is held out, the strata it is balanced in,
 * the lift it is planned to detect, and the planner answering as the marketer types.
 */
export function HoldoutFields({
  settings,
  invalid,
  onChange,
}: {
  settings: SettingsDraft;
  invalid: Set<string>;
  onChange: (patch: Partial<SettingsDraft>) => void;
}) {
  const t = useT();
  const holdout = settings.holdout;
  const setHoldout = (next: HoldoutDraft | undefined) => onChange({ holdout: next });
  return (
    <div className="step-form holdout-fields" data-testid="holdout-fields">
      <SelectField<JourneyPurpose>
        label={t('holdout.purpose')}
        value={settings.purpose ?? 'promotional'}
        options={JOURNEY_PURPOSES}
        labelOf={(purpose) => t(`holdout.purpose.${purpose}`)}
        onChange={(purpose) => onChange({ purpose })}
      />
      <span className="muted small">{t('holdout.purposeHint')}</span>
      <label className="check-field">
        <input
          type="checkbox"
          data-testid="holdout-toggle"
          checked={holdout !== undefined}
          onChange={(event) => setHoldout(event.target.checked ? NEW_HOLDOUT : undefined)}
        />
        {t('holdout.toggle')}
      </label>
      {holdout && (
        <>
          <PercentField
            label={t('holdout.share')}
            testId="holdout-share"
            value={holdout.share * 100}
            max={MAX_HOLDOUT_SHARE * 100}
            isInvalid={invalid.has('holdout.share')}
            onChange={(percent) => setHoldout({ ...holdout, share: percent / 100 })}
          />
          {invalid.has('holdout.share') && (
            <span className="error-text small">
              {t('holdout.shareRange', { max: MAX_HOLDOUT_SHARE * 100 })}
            </span>
          )}
          <StrataPicker
            strata={holdout.strata ?? []}
            onChange={(strata) => setHoldout({ ...holdout, strata })}
          />
          <PercentField
            label={t('holdout.plannedLift')}
            testId="holdout-lift"
            value={(holdout.minimumDetectableEffect ?? 0.1) * 100}
            max={1000}
            isInvalid={invalid.has('holdout.minimumDetectableEffect')}
            onChange={(percent) => setHoldout({ ...holdout, minimumDetectableEffect: percent / 100 })}
          />
          <HoldoutPlanner
            sharePercent={holdout.share * 100}
            plannedLiftPercent={(holdout.minimumDetectableEffect ?? 0.1) * 100}
          />
        </>
      )}
    </div>
  );
}

/** The factors the control group is balanced in: segment families, attributes, fact buckets. */
function StrataPicker({
  strata,
  onChange,
}: {
  strata: HoldoutStratum[];
  onChange: (strata: HoldoutStratum[]) => void;
}) {
  const t = useT();
  const labelOf = useStratumLabel();
  const [attribute, setAttribute] = useState('');
  const [fact, setFact] = useState<StratumFact>('totalValue');
  const [boundsText, setBoundsText] = useState('100, 500');
  const bounds = parseBounds(boundsText);
  const add = (candidate: HoldoutStratum) => onChange([...strata, candidate]);
  const attributeCandidate: HoldoutStratum = { kind: 'attribute', name: attribute.trim() };
  const isAttributeValid = /^[A-Za-z0-9_.-]{1,64}$/.test(attribute.trim());
  return (
    <fieldset className="field strata-picker" data-testid="strata-picker">
      <legend>{t('holdout.strata')}</legend>
      <span className="muted small">{t('holdout.strataHint')}</span>
      {strata.length === 0 && <span className="muted small">{t('holdout.noStrata')}</span>}
      <ul className="strata-list">
        {strata.map((stratum, index) => (
          <li key={`${stratum.kind}-${index}`} data-testid="stratum">
            <span>{labelOf(stratum)}</span>
            <RemoveButton onClick={() => onChange(withoutIndex(strata, index))} />
          </li>
        ))}
      </ul>
      <div className="strata-add">
        {STRATUM_SEGMENT_FAMILIES.map((family) => {
          const candidate: HoldoutStratum = { kind: 'segmentFamily', family };
          return (
            <button
              key={family}
              type="button"
              data-testid={`add-stratum-${family}`}
              disabled={!canAddStratum(strata, candidate)}
              onClick={() => add(candidate)}
            >
              + {t(`holdout.family.${family}`)}
            </button>
          );
        })}
      </div>
      <div className="strata-add">
        <input
          aria-label={t('holdout.attribute')}
          placeholder={t('holdout.attributePlaceholder')}
          data-testid="stratum-attribute"
          value={attribute}
          onChange={(event) => setAttribute(event.target.value)}
        />
        <button
          type="button"
          data-testid="add-stratum-attribute"
          disabled={!isAttributeValid || !canAddStratum(strata, attributeCandidate)}
          onClick={() => {
            add(attributeCandidate);
            setAttribute('');
          }}
        >
          + {t('holdout.addAttribute')}
        </button>
      </div>
      <div className="strata-add">
        <select
          aria-label={t('holdout.fact')}
          value={fact}
          onChange={(event) => setFact(event.target.value as StratumFact)}
        >
          {STRATUM_FACTS.map((name) => (
            <option key={name} value={name}>
              {t(`holdout.fact.${name}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('holdout.bounds')}
          className={bounds ? undefined : 'invalid'}
          data-testid="stratum-bounds"
          value={boundsText}
          onChange={(event) => setBoundsText(event.target.value)}
        />
        <button
          type="button"
          data-testid="add-stratum-fact"
          disabled={!bounds || !canAddStratum(strata, { kind: 'factBucket', fact, bounds: bounds ?? [0] })}
          onClick={() => bounds && add({ kind: 'factBucket', fact, bounds })}
        >
          + {t('holdout.addFact')}
        </button>
      </div>
    </fieldset>
  );
}
