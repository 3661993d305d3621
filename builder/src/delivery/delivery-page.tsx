import { useState } from 'react';
import { CHANNEL_KINDS, type ChannelKind } from '@touchpoint/language';
import { api, ApiError } from '../api/client';
import { ApiErrorBody } from '../api/describe-api-error';
import type { DeliverySettingsVersion } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { ServerError } from '../pages/server-error';
import { CapList } from './cap-list';
import { DeliveryHistory } from './delivery-history';
import { issuesByField, toForm, toPolicy, type DeliveryForm } from './delivery-model';
import { QuietHoursRow } from './quiet-hours-row';
import './delivery.css';

/** Settings: caps, quiet hours and the default time zone every journey obeys, saved as versions. */
export function DeliveryPage() {
  const t = useT();
  const [settings, reload] = useApi(() => api.getDeliverySettings(), 'delivery-settings');
  return (
    <div className="delivery-page">
      <div className="page-head">
        <h1>{t('delivery.title')}</h1>
      </div>
      <p className="muted">{t('delivery.intro')}</p>
      <ApiView state={settings} reload={reload}>
        {(loaded) => <DeliverySettingsForm key={loaded.version} initial={loaded} reload={reload} />}
      </ApiView>
    </div>
  );
}

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

/** What a failed save shows: the 400's issues under their fields, a 409 as "someone saved first". */
type Failure =
  | { kind: 'fields'; byField: ReadonlyMap<string, string> }
  | { kind: 'stale'; version: number }
  | { kind: 'other'; error: unknown };

async function readFailure(failure: unknown): Promise<Failure> {
  if (failure instanceof ApiError && failure.status === 400) {
    const body = ApiErrorBody.safeParse(failure.body);
    if (body.success && body.data.issues?.length)
      return { kind: 'fields', byField: issuesByField(body.data.issues) };
  }
  if (failure instanceof ApiError && failure.status === 409) {
    const current = await api.getDeliverySettings().catch(() => null);
    if (current) return { kind: 'stale', version: current.version };
  }
  return { kind: 'other', error: failure };
}

/** Issues whose field has no input of its own (a whole record, an unknown channel), shown by the button. */
const FORM_FIELDS = /^(overallCaps|channelCaps\.\w+|quietHours\.\w+)(\.\d+)?(\.\w+)?$|^fallbackTimeZone$/;

function DeliverySettingsForm({ initial, reload }: { initial: DeliverySettingsVersion; reload: () => void }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [saved, setSaved] = useState(initial);
  const [form, setForm] = useState<DeliveryForm>(() => toForm(initial.policy));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [historyGeneration, setHistoryGeneration] = useState(0);
  const errors = failure?.kind === 'fields' ? failure.byField : NO_ERRORS;
  const loose = [...errors].filter(([field]) => !FORM_FIELDS.test(field) || !isShownField(field, form));

  const edit = (next: DeliveryForm) => {
    setForm(next);
    setJustSaved(false);
  };
  const setChannelCaps = (channel: ChannelKind, rows: DeliveryForm['overallCaps']) =>
    edit({ ...form, channelCaps: { ...form.channelCaps, [channel]: rows } });
  const save = () => {
    setSaving(true);
    api.saveDeliverySettings(toPolicy(form), saved.version).then(
      (answer) => {
        setSaved(answer);
        setForm(toForm(answer.policy));
        setFailure(null);
        setSaving(false);
        setJustSaved(true);
        setHistoryGeneration((value) => value + 1);
      },
      async (error: unknown) => {
        setFailure(await readFailure(error));
        setSaving(false);
      },
    );
  };

  return (
    <>
      <p data-testid="delivery-version">
        {t('delivery.version', { version: saved.version })}{' '}
        {saved.savedAt === null
          ? t('delivery.builtIn')
          : t('delivery.savedBy', {
              at: new Date(saved.savedAt).toLocaleString(locale),
              who: saved.savedBy ?? '—',
            })}
      </p>
      <section className="delivery-section">
        <h2>{t('delivery.caps.title')}</h2>
        <p className="muted">{t('delivery.caps.intro')}</p>
        <CapList
          label={t('delivery.caps.overall')}
          field="overallCaps"
          rows={form.overallCaps}
          errors={errors}
          onChange={(rows) => edit({ ...form, overallCaps: rows })}
        />
        {CHANNEL_KINDS.map((channel) => (
          <CapList
            key={channel}
            label={t(`channel.${channel}`)}
            field={`channelCaps.${channel}`}
            rows={form.channelCaps[channel]}
            errors={errors}
            onChange={(rows) => setChannelCaps(channel, rows)}
          />
        ))}
      </section>
      <section className="delivery-section">
        <h2>{t('delivery.quiet.title')}</h2>
        <p className="muted">{t('delivery.quiet.intro')}</p>
        {CHANNEL_KINDS.map((channel) => (
          <QuietHoursRow
            key={channel}
            channel={channel}
            row={form.quietHours[channel]}
            errors={errors}
            onChange={(row) => edit({ ...form, quietHours: { ...form.quietHours, [channel]: row } })}
          />
        ))}
      </section>
      <section className="delivery-section">
        <h2>{t('delivery.zone.title')}</h2>
        <p className="muted">{t('delivery.zone.intro')}</p>
        <div className={errors.has('fallbackTimeZone') ? 'zone-row has-error' : 'zone-row'}>
          <input
            list="delivery-time-zones"
            aria-label={t('delivery.zone.title')}
            data-field="fallbackTimeZone"
            aria-invalid={errors.has('fallbackTimeZone')}
            value={form.fallbackTimeZone}
            onChange={(event) => edit({ ...form, fallbackTimeZone: event.target.value })}
          />
          <datalist id="delivery-time-zones">
            {Intl.supportedValuesOf('timeZone').map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {errors.has('fallbackTimeZone') && (
            <span className="field-error">{errors.get('fallbackTimeZone')}</span>
          )}
        </div>
      </section>
      {loose.length > 0 && (
        <ul className="field-errors" role="alert" data-testid="delivery-errors">
          {loose.map(([field, message]) => (
            <li key={field}>{`${field}: ${message}`}</li>
          ))}
        </ul>
      )}
      {failure?.kind === 'stale' && (
        <div className="error-box" role="alert" data-testid="delivery-stale">
          <p>{t('delivery.stale', { version: failure.version })}</p>
          <button type="button" onClick={reload}>
            {t('delivery.reload')}
          </button>
        </div>
      )}
      {failure?.kind === 'other' && (
        <ServerError error={failure.error} wrap={(text) => t('delivery.saveFailed', { message: text })} />
      )}
      <div className="delivery-actions">
        <button
          type="button"
          className="primary"
          onClick={save}
          disabled={isSaving}
          data-testid="delivery-save"
        >
          {t('delivery.save')}
        </button>
        {justSaved && (
          <span className="save-state save-saved" role="status">
            {t('delivery.saved', { version: saved.version })}
          </span>
        )}
      </div>
      <DeliveryHistory key={historyGeneration} />
    </>
  );
}

/** Whether the form has an input for `field` (a cap row that exists, a channel's quiet hours). */
function isShownField(field: string, form: DeliveryForm): boolean {
  const [head, second, third] = field.split('.');
  if (head === 'fallbackTimeZone') return true;
  if (head === 'overallCaps') return second === undefined || Number(second) < form.overallCaps.length;
  if (head === 'channelCaps') {
    const rows = form.channelCaps[second as ChannelKind] as DeliveryForm['overallCaps'] | undefined;
    return rows !== undefined && (third === undefined || Number(third) < rows.length);
  }
  if (head === 'quietHours') return (CHANNEL_KINDS as readonly string[]).includes(second ?? '');
  return false;
}
