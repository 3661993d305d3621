import { useMemo } from 'react';
import type { z } from 'zod';
import {
  DURATION_UNITS,
  JourneyGoal,
  JourneySettings,
  REENTRY_POLICIES,
  type DurationUnit,
  type ReentryPolicy,
} from '@touchpoint/language';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { useCatalogs } from './catalogs';
import { EventFiltersField } from './event-filters-field';
import { HoldoutFields } from './holdout-fields';
import { NumberField, SelectField, TextField } from './fields';
import { isoToLocalInput, localInputToIso } from './local-date-time';
import './journey-settings.css';

type GoalDraft = z.input<typeof JourneyGoal>;
type SettingsDraft = z.input<typeof JourneySettings>;

// The goal's promise is "they leave the moment they do it": no time limit until the marketer asks for one.
const NEW_GOAL: GoalDraft = { event: { type: 'purchase', filters: [] } };
const TIME_ZONES = Intl.supportedValuesOf('timeZone').map((zone) => ({ id: zone, name: zone }));

/** Schema issues as dotted paths (`event.filters.0.property`), checked with the language's own schema. */
function issuePaths(schema: z.ZodType, value: unknown): Set<string> {
  const result = schema.safeParse(value);
  return new Set(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.')));
}

/**
 * The journey's own settings, shown when no step is selected: its goal (an event, conditions on
 * it and the time it counts within), who may enter (re-entry, entry window, fallback zone) and its
 * control group (holdout, strata, the planner).
 */
export function JourneySettingsForm() {
  const t = useT();
  return (
    <section className="journey-settings" data-testid="journey-settings">
      <h2>{t('goal.title')}</h2>
      <p className="muted small">{t('goal.hint')}</p>
      <GoalFields />
      <h2>{t('settings.title')}</h2>
      <SettingsFields />
      <h2>{t('holdout.title')}</h2>
      <p className="muted small">{t('holdout.hint')}</p>
      <ControlGroupSettings />
    </section>
  );
}

function GoalFields() {
  const t = useT();
  const store = useEditorStore();
  const catalogs = useCatalogs();
  const goal = useEditor((state) => state.meta.goal);
  const invalid = useMemo(() => issuePaths(JourneyGoal, goal), [goal]);
  const setGoal = (next: GoalDraft | undefined) => store.getState().updateMeta({ goal: next });
  if (!goal) {
    return (
      <button type="button" onClick={() => setGoal(NEW_GOAL)} data-testid="add-goal">
        + {t('goal.add')}
      </button>
    );
  }
  const filters = goal.event.filters ?? [];
  const invalidRows = new Set(
    [...invalid].flatMap((path) => /^event\.filters\.(\d+)/.exec(path)?.[1] ?? []).map(Number),
  );
  const goalWindow = goal.window;
  return (
    <div className="step-form">
      <TextField
        label={t('goal.name')}
        value={goal.name ?? ''}
        onChange={(name) => setGoal({ ...goal, name: name || undefined })}
      />
      <TextField
        label={t('field.eventType')}
        testId="goal-event-type"
        value={goal.event.type}
        options={catalogs.events}
        isInvalid={invalid.has('event.type')}
        onChange={(type) => setGoal({ ...goal, event: { ...goal.event, type } })}
      />
      <EventFiltersField
        filters={filters}
        invalidRows={invalidRows}
        onChange={(next) => setGoal({ ...goal, event: { ...goal.event, filters: next } })}
      />
      <label className="check-field">
        <input
          type="checkbox"
          checked={goalWindow !== undefined}
          onChange={(event) =>
            setGoal({ ...goal, window: event.target.checked ? { amount: 30, unit: 'days' } : undefined })
          }
        />
        {t('goal.windowToggle')}
      </label>
      {goalWindow && (
        <div className="field-row">
          <NumberField
            label={t('goal.window')}
            value={goalWindow.amount}
            isInvalid={invalid.has('window.amount')}
            onChange={(amount) => setGoal({ ...goal, window: { ...goalWindow, amount } })}
          />
          <SelectField<DurationUnit>
            label={t('field.unit')}
            value={goalWindow.unit}
            options={DURATION_UNITS}
            labelOf={(unit) => t(`option.${unit}`)}
            onChange={(unit) => setGoal({ ...goal, window: { ...goalWindow, unit } })}
          />
        </div>
      )}
      <button type="button" className="link-button" onClick={() => setGoal(undefined)}>
        {t('goal.remove')}
      </button>
    </div>
  );
}

function SettingsFields() {
  const t = useT();
  const store = useEditorStore();
  const stored = useEditor((state) => state.meta.settings);
  const problems = useEditor((state) => state.problems);
  const settings: SettingsDraft = useMemo(() => stored ?? {}, [stored]);
  const invalid = useMemo(() => issuePaths(JourneySettings, settings), [settings]);
  const hasProblem = (code: string) =>
    problems.some((problem) => problem.nodeId === null && problem.code === code);
  const entryWindow = settings.entryWindow ?? {};
  const setSettings = (patch: Partial<SettingsDraft>) =>
    store.getState().updateMeta({ settings: { ...settings, ...patch } });
  const setWindowEdge = (edge: 'from' | 'until', value: string) =>
    setSettings({ entryWindow: { ...entryWindow, [edge]: localInputToIso(value) ?? undefined } });
  return (
    <div className="step-form">
      <SelectField<ReentryPolicy>
        label={t('settings.reentry')}
        value={settings.reentry ?? 'once'}
        options={REENTRY_POLICIES}
        labelOf={(policy) => t(`settings.reentry.${policy}`)}
        onChange={(reentry) => setSettings({ reentry })}
      />
      <fieldset className="field">
        <legend>{t('settings.entryWindow')}</legend>
        <div className="entry-window">
          {(['from', 'until'] as const).map((edge) => (
            <label
              key={edge}
              className={
                invalid.has(`entryWindow.${edge}`) || hasProblem('invalidEntryWindow')
                  ? 'field invalid'
                  : 'field'
              }
            >
              <span>{t(`settings.entry.${edge}`)}</span>
              <input
                type="datetime-local"
                data-testid={`entry-${edge}`}
                value={isoToLocalInput(entryWindow[edge])}
                onChange={(event) => setWindowEdge(edge, event.target.value)}
              />
            </label>
          ))}
        </div>
        <span className="muted small">{t('settings.entryWindowHint')}</span>
      </fieldset>
      <TextField
        label={t('settings.timezone')}
        testId="timezone-fallback"
        value={settings.timezoneFallback ?? 'UTC'}
        options={TIME_ZONES}
        isInvalid={invalid.has('timezoneFallback') || hasProblem('invalidTimeZone')}
        onChange={(timezoneFallback) => setSettings({ timezoneFallback })}
      />
    </div>
  );
}

function ControlGroupSettings() {
  const store = useEditorStore();
  const stored = useEditor((state) => state.meta.settings);
  const settings: SettingsDraft = useMemo(() => stored ?? {}, [stored]);
  const invalid = useMemo(() => issuePaths(JourneySettings, settings), [settings]);
  return (
    <HoldoutFields
      settings={settings}
      invalid={invalid}
      onChange={(patch) => store.getState().updateMeta({ settings: { ...settings, ...patch } })}
    />
  );
}
