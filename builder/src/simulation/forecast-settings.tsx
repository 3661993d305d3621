import type { SegmentItem } from '../api/schemas';
import { useT } from '../i18n/i18n';
import type { ForecastForm } from './forecast-form';

const versionValue = (value: string): 'draft' | number => (value === 'draft' ? 'draft' : Number(value));

/** The forecast's form: versions, audience, horizon and start, behaviour, call-center capacity. */
export function ForecastSettings({
  form,
  onChange,
  versions,
  segments,
}: {
  form: ForecastForm;
  onChange: (patch: Partial<ForecastForm>) => void;
  versions: number[];
  segments: readonly SegmentItem[];
}) {
  const t = useT();
  const versionOptions = (
    <>
      <option value="draft">{t('forecast.draft')}</option>
      {versions.map((number) => (
        <option key={number} value={number}>
          {t('forecast.versionN', { number })}
        </option>
      ))}
    </>
  );
  const percentField = (key: 'open' | 'click' | 'purchase', label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={0}
        max={100}
        value={form[key]}
        onChange={(event) => onChange({ [key]: event.target.value })}
      />
    </label>
  );
  return (
    <>
      <label>
        {t('forecast.version')}
        <select
          data-testid="forecast-version"
          value={String(form.version)}
          onChange={(event) => onChange({ version: versionValue(event.target.value) })}
        >
          {versionOptions}
        </select>
      </label>
      <label>
        {t('forecast.compareWith')}
        <select
          data-testid="forecast-compare"
          value={form.compareWith === null ? '' : String(form.compareWith)}
          onChange={(event) =>
            onChange({ compareWith: event.target.value === '' ? null : versionValue(event.target.value) })
          }
        >
          <option value="">{t('forecast.compareNone')}</option>
          {versionOptions}
        </select>
      </label>
      <fieldset>
        <legend>{t('forecast.audience')}</legend>
        {(['all', 'segment', 'clients'] as const).map((kind) => (
          <label className="inline" key={kind}>
            <input
              type="radio"
              checked={form.audience === kind}
              onChange={() => onChange({ audience: kind })}
            />{' '}
            {t(
              kind === 'all'
                ? 'forecast.audienceAll'
                : kind === 'segment'
                  ? 'forecast.audienceSegment'
                  : 'forecast.audienceClients',
            )}
          </label>
        ))}
        {form.audience === 'segment' && (
          <label>
            {t('forecast.segment')}
            <select value={form.segmentId} onChange={(event) => onChange({ segmentId: event.target.value })}>
              <option value="">{t('forecast.pickSegment')}</option>
              {segments.map((segment) => (
                <option key={segment.id} value={segment.id}>
                  {segment.name} ({segment.members})
                </option>
              ))}
            </select>
          </label>
        )}
        {form.audience === 'clients' && (
          <label>
            {t('forecast.clientIds')}
            <textarea
              rows={4}
              value={form.clientIds}
              onChange={(event) => onChange({ clientIds: event.target.value })}
            />
          </label>
        )}
      </fieldset>
      <label>
        {t('forecast.horizon')}
        <input
          type="number"
          min={1}
          max={400}
          data-testid="forecast-horizon"
          value={form.horizonDays}
          onChange={(event) => onChange({ horizonDays: event.target.value })}
        />
      </label>
      <label>
        {t('forecast.startDate')}
        <input
          type="date"
          data-testid="forecast-start"
          value={form.startDate}
          onChange={(event) => onChange({ startDate: event.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('forecast.behaviour')}</legend>
        <label className="inline">
          <input
            type="radio"
            checked={form.behaviour === 'history'}
            onChange={() => onChange({ behaviour: 'history' })}
          />{' '}
          {t('forecast.history')}
        </label>
        <label className="inline">
          <input
            type="radio"
            checked={form.behaviour === 'rates'}
            onChange={() => onChange({ behaviour: 'rates' })}
          />{' '}
          {t('forecast.rates')}
        </label>
        {form.behaviour === 'rates' && (
          <>
            {percentField('open', t('forecast.openRate'))}
            {percentField('click', t('forecast.clickRate'))}
            {percentField('purchase', t('forecast.purchaseRate'))}
            <label>
              {t('forecast.seed')}
              <input
                type="number"
                min={0}
                value={form.seed}
                onChange={(event) => onChange({ seed: event.target.value })}
              />
            </label>
          </>
        )}
      </fieldset>
      <label>
        {t('forecast.capacity')}
        <input
          type="number"
          min={0}
          data-testid="forecast-capacity"
          value={form.callCapacity}
          onChange={(event) => onChange({ callCapacity: event.target.value })}
        />
      </label>
    </>
  );
}
