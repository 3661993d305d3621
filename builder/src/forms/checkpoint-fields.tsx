import { CHECKPOINT_SOURCES, PURCHASE_EVENT_TYPE } from '@touchpoint/language';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useLocaleStore } from '../i18n/i18n';
import { readPath } from '../nodes/read-config';
import { timeAgainstCheckpoint } from './checkpoint-moments';
import type { FieldContext } from './field-context';
import { SelectField, TextField } from './fields';

type Source = (typeof CHECKPOINT_SOURCES)[number];

// A new source starts with what moves it: a purchase re-times the expected next purchase; a date
// attribute is moved only by what the marketer lists.
const NEW_CHECKPOINT: Record<Source, unknown> = {
  expectedNextPurchase: { source: 'expectedNextPurchase', movedBy: [PURCHASE_EVENT_TYPE] },
  attribute: { source: 'attribute', attribute: '', movedBy: [] },
};

/**
 * What a timed step (a checkpoint wait, a ladder) is timed against, and what that means in dates for
 * one real client: their checkpoint and when each step would run, in the client's own time zone.
 */
export function CheckpointFields({
  f,
  offsets,
}: {
  f: FieldContext;
  offsets: { label: string; offset: unknown }[];
}) {
  const source = (f.text(['checkpoint', 'source']) || 'expectedNextPurchase') as Source;
  const attribute = f.text(['checkpoint', 'attribute']);
  return (
    <div className="checkpoint-fields" data-testid="checkpoint-fields">
      <SelectField
        label={f.t('checkpoint.source')}
        value={source}
        options={CHECKPOINT_SOURCES}
        labelOf={(option) => f.t(`checkpoint.source.${option}`)}
        onChange={(next) => f.set(['checkpoint'], NEW_CHECKPOINT[next])}
      />
      {source === 'attribute' && (
        <TextField
          label={f.t('checkpoint.attribute')}
          value={attribute}
          onChange={(value) => f.set(['checkpoint', 'attribute'], value)}
          isInvalid={f.isInvalid('checkpoint.attribute')}
        />
      )}
      {(source === 'expectedNextPurchase' || attribute) && (
        <CheckpointSample f={f} source={source} attribute={attribute} offsets={offsets} />
      )}
    </div>
  );
}

function CheckpointSample({
  f,
  source,
  attribute,
  offsets,
}: {
  f: FieldContext;
  source: Source;
  attribute: string;
  offsets: { label: string; offset: unknown }[];
}) {
  const locale = useLocaleStore((state) => state.locale);
  const [answer] = useApi(
    () => api.getCheckpointSample(source, source === 'attribute' ? attribute : undefined),
    `checkpoint-sample|${source}|${attribute}`,
  );
  // An operator key without client access gets a 403: the form then simply has no example.
  if (answer.status === 'error') return null;
  if (answer.status === 'loading') return <p className="muted">{f.t('checkpoint.sampleLoading')}</p>;
  const sample = answer.data.sample;
  if (!sample) return <p className="muted">{f.t('checkpoint.noSample')}</p>;
  const timeZone = sample.timeZone ?? 'UTC';
  const format = (at: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  return (
    <div className="checkpoint-sample" data-testid="checkpoint-sample">
      <p>
        {f.t('checkpoint.sample', {
          client: sample.externalId,
          checkpoint: format(new Date(sample.checkpointAt)),
          zone: timeZone,
        })}
      </p>
      <ul>
        {timeAgainstCheckpoint(sample.checkpointAt, offsets).map((moment) => (
          <li key={moment.label}>
            {f.t('checkpoint.sampleStep', { label: moment.label, moment: format(moment.at) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The offsets of a ladder's rungs, labelled as the ladder's axis labels them. */
export function ladderOffsets(f: FieldContext): { label: string; offset: unknown }[] {
  const rungs = readPath(f.config, 'rungs');
  return Array.isArray(rungs)
    ? rungs.map((rung, index) => ({
        label: f.t('ladder.rung', { index: index + 1 }),
        offset: (rung as { offset?: unknown } | null)?.offset,
      }))
    : [];
}
