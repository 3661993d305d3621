import {
  CHANNEL_KINDS,
  DURATION_UNITS,
  type ChannelKind,
  type NodeKind,
  type PropertyFilter,
} from '@touchpoint/language';
import { useJourneyNames } from '../api/journey-names';
import { EXIT_REASONS } from '../nodes/exit-reasons';
import { readPath } from '../nodes/read-config';
import type { FieldContext } from './field-context';
import { CallOutcomeFields } from './call-outcome-fields';
import { CheckpointFields, ladderOffsets } from './checkpoint-fields';
import { ChannelPicker, NumberField, SelectField, TextField } from './fields';
import { EventFiltersField } from './event-filters-field';
import { LadderEditor } from './ladder-editor';
import { EventExitsFields } from './event-exits-fields';
import { ConditionSplitFields, RandomSplitFields } from './split-fields';
import { UpdateClientFields } from './update-client-fields';
import { TemplatePicker } from './template-picker';
import { SegmentPicker } from '../audiences/segment-audience';

/** The channels ticked on a send, as the picker filters by them (anything else in the config is dropped). */
function readChannels(value: unknown): ChannelKind[] {
  return Array.isArray(value)
    ? value.filter((item): item is ChannelKind => CHANNEL_KINDS.includes(item))
    : [];
}

const TRIGGER_KINDS = ['event', 'segment', 'schedule', 'manual'] as const;
const WAIT_MODES = ['duration', 'timeOfDay', 'checkpoint'] as const;

/** The config a trigger / wait starts with when the marketer switches its kind or mode. */
const TRIGGER_DEFAULTS: Record<(typeof TRIGGER_KINDS)[number], unknown> = {
  event: { kind: 'event', event: { type: '', filters: [] } },
  segment: { kind: 'segment', segment: '', on: 'enter' },
  schedule: { kind: 'schedule', cron: '0 10 * * 1', segment: '' },
  manual: { kind: 'manual' },
};
const WAIT_DEFAULTS: Record<(typeof WAIT_MODES)[number], unknown> = {
  duration: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
  timeOfDay: { mode: 'timeOfDay', time: '10:00', weekdays: [] },
  checkpoint: {
    mode: 'checkpoint',
    checkpoint: { source: 'expectedNextPurchase', movedBy: ['purchase'] },
    offset: { amount: -3, unit: 'days' },
    pastCheckpoint: 'skip',
  },
};

export function DurationFields({
  f,
  path,
  label,
}: {
  f: FieldContext;
  path: (string | number)[];
  label: string;
}) {
  return (
    <div className="field-row">
      <NumberField
        label={label}
        value={f.num([...path, 'amount'])}
        onChange={(v) => f.set([...path, 'amount'], v)}
      />
      <SelectField
        label={f.t('field.unit')}
        value={f.text([...path, 'unit']) as (typeof DURATION_UNITS)[number]}
        options={DURATION_UNITS}
        labelOf={(unit) => f.t(`option.${unit}`)}
        onChange={(v) => f.set([...path, 'unit'], v)}
      />
    </div>
  );
}

/** Conditions on the entering event ("only orders of at least 100"). */
function TriggerFilters({ f }: { f: FieldContext }) {
  const filters = readPath(f.config, 'trigger.event.filters');
  const invalidRows = new Set(
    f.issues.flatMap((issue) => /^trigger\.event\.filters\.(\d+)/.exec(issue.path)?.[1] ?? []).map(Number),
  );
  return (
    <EventFiltersField
      filters={Array.isArray(filters) ? (filters as PropertyFilter[]) : []}
      invalidRows={invalidRows}
      onChange={(next) => f.set(['trigger', 'event', 'filters'], next)}
    />
  );
}

function EntryFields({ f }: { f: FieldContext }) {
  const kind = (f.text(['trigger', 'kind']) || 'manual') as (typeof TRIGGER_KINDS)[number];
  return (
    <>
      <SelectField
        label={f.t('field.trigger')}
        value={kind}
        options={TRIGGER_KINDS}
        labelOf={(kind) => f.t(`option.trigger.${kind}`)}
        onChange={(v) => f.set(['trigger'], TRIGGER_DEFAULTS[v])}
      />
      {kind === 'event' && (
        <TextField
          label={f.t('field.eventType')}
          testId="field-event-type"
          value={f.text(['trigger', 'event', 'type'])}
          options={f.catalogs.events}
          onChange={(v) => f.set(['trigger', 'event', 'type'], v)}
          isInvalid={f.isInvalid('trigger.event.type')}
        />
      )}
      {kind === 'event' && <TriggerFilters f={f} />}
      {(kind === 'segment' || kind === 'schedule') && (
        <SegmentPicker
          label={f.t('field.segment')}
          value={f.text(['trigger', 'segment'])}
          onChange={(v) => f.set(['trigger', 'segment'], v)}
          isInvalid={f.isInvalid('trigger.segment')}
        />
      )}
      {kind === 'schedule' && (
        <TextField
          label={f.t('field.cron')}
          value={f.text(['trigger', 'cron'])}
          onChange={(v) => f.set(['trigger', 'cron'], v)}
          isInvalid={f.isInvalid('trigger.cron')}
        />
      )}
    </>
  );
}

function WaitFields({ f }: { f: FieldContext }) {
  const mode = (f.text(['mode']) || 'duration') as (typeof WAIT_MODES)[number];
  return (
    <>
      <SelectField
        label={f.t('field.waitMode')}
        value={mode}
        options={WAIT_MODES}
        labelOf={(mode) => f.t(`option.wait.${mode}`)}
        onChange={(v) => f.replace(WAIT_DEFAULTS[v])}
      />
      {mode === 'duration' && <DurationFields f={f} path={['duration']} label={f.t('field.duration')} />}
      {mode === 'timeOfDay' && (
        <TextField
          label={f.t('field.time')}
          value={f.text(['time'])}
          onChange={(v) => f.set(['time'], v)}
          isInvalid={f.isInvalid('time')}
        />
      )}
      {mode === 'checkpoint' && (
        <>
          <DurationFields f={f} path={['offset']} label={f.t('field.offset')} />
          <CheckpointFields
            f={f}
            offsets={[{ label: f.t('checkpoint.thisStep'), offset: readPath(f.config, 'offset') }]}
          />
        </>
      )}
    </>
  );
}

function SendFields({ f }: { f: FieldContext }) {
  return (
    <>
      <ChannelPicker
        label={f.t('field.channels')}
        value={readPath(f.config, 'channels')}
        onChange={(v) => f.set(['channels'], v)}
      />
      <TemplatePicker
        value={f.text(['templateId'])}
        channels={readChannels(readPath(f.config, 'channels'))}
        onChange={(v) => f.set(['templateId'], v)}
        isInvalid={f.isInvalid('templateId')}
      />
      <TextField
        label={f.t('field.offer')}
        value={f.text(['offer', 'offerId'])}
        options={f.catalogs.offers}
        onChange={(v) =>
          f.set(['offer'], v ? { offerId: v, params: readPath(f.config, 'offer.params') ?? {} } : undefined)
        }
      />
      <CallOutcomeFields
        value={readPath(f.config, 'callOutcome')}
        channels={readPath(f.config, 'channels')}
        alwaysWaits={false}
        onChange={(v) => f.set(['callOutcome'], v)}
      />
    </>
  );
}

/** The quick fields of one node kind; anything not covered here is edited as JSON below them. */
export function KindFields({ kind, f }: { kind: NodeKind; f: FieldContext }) {
  switch (kind) {
    case 'entry':
      return <EntryFields f={f} />;
    case 'wait':
      return <WaitFields f={f} />;
    case 'send':
      return <SendFields f={f} />;
    case 'waitForEvent':
      return (
        <>
          <EventExitsFields f={f} />
          <DurationFields f={f} path={['timeout']} label={f.t('field.timeout')} />
        </>
      );
    case 'escalationLadder':
      return (
        <>
          <CheckpointFields f={f} offsets={ladderOffsets(f)} />
          <LadderEditor
            config={f.config}
            onChange={f.replace}
            templates={f.catalogs.templates}
            issues={f.issues}
          />
        </>
      );
    case 'conditionSplit':
      return <ConditionSplitFields f={f} />;
    case 'randomSplit':
      return <RandomSplitFields f={f} />;
    case 'updateClient':
      return <UpdateClientFields f={f} />;
    case 'startJourney':
      return <JourneyPicker f={f} />;
    case 'exit':
      return (
        <TextField
          label={f.t('field.reason')}
          value={f.text(['reason'])}
          options={EXIT_REASONS.map((reason) => ({ id: reason, name: f.t(`exitReason.${reason}`) }))}
          onChange={(v) => f.set(['reason'], v)}
        />
      );
    default: {
      const unhandled: never = kind;
      throw new Error(`No fields for node kind ${String(unhandled)}`);
    }
  }
}

/** The journey a hand-over sends clients to, picked by name; an id no journey has stays shown as is. */
function JourneyPicker({ f }: { f: FieldContext }) {
  const names = useJourneyNames({ fresh: true });
  const current = f.text(['journeyId']);
  const ids = Object.keys(names).sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? ''));
  return (
    <label className={f.isInvalid('journeyId') ? 'field invalid' : 'field'}>
      <span>{f.t('field.journey')}</span>
      <select
        value={current}
        data-testid="journey-picker"
        onChange={(event) => f.set(['journeyId'], event.target.value)}
      >
        <option value="">{f.t('field.journeyChoose')}</option>
        {current && !(current in names) && <option value={current}>{current}</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {names[id]}
          </option>
        ))}
      </select>
    </label>
  );
}
