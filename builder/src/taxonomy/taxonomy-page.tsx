import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { ApiErrorBody } from '../api/describe-api-error';
import type { FunnelActionRule, FunnelTaxonomyResponse } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { ServerError } from '../pages/server-error';
import { TaxonomyRowEditor } from './taxonomy-row';
import {
  emptyRow,
  moveRow,
  sortIssues,
  toActions,
  toRows,
  type ActionRow,
  type FieldErrors,
} from './taxonomy-model';
import './taxonomy.css';

/** Settings: the funnel taxonomy, viewed and saved as a new version. */
export function TaxonomyPage() {
  const t = useT();
  const [taxonomy, reload] = useApi(() => api.getFunnelTaxonomy(), 'funnel-taxonomy');
  return (
    <div className="taxonomy-page">
      <div className="page-head">
        <h1>{t('taxonomy.title')}</h1>
      </div>
      <p className="muted">{t('taxonomy.intro')}</p>
      <ApiView state={taxonomy} reload={reload}>
        {(loaded) => <TaxonomyForm key={loaded.version} initial={loaded} />}
      </ApiView>
    </div>
  );
}

const NO_ERRORS: FieldErrors = { byRow: new Map(), general: [] };

/** Issues a 400 names, sorted onto rows; any other failure is shown whole. */
function readFailure(failure: unknown): { fields: FieldErrors; other: unknown } {
  if (failure instanceof ApiError && failure.status === 400) {
    const body = ApiErrorBody.safeParse(failure.body);
    if (body.success && body.data.issues?.length)
      return { fields: sortIssues(body.data.issues), other: null };
  }
  return { fields: NO_ERRORS, other: failure };
}

function TaxonomyForm({ initial }: { initial: FunnelTaxonomyResponse }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [saved, setSaved] = useState(initial);
  const [rows, setRows] = useState<ActionRow[]>(() => toRows(initial.actions));
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);

  const edit = (next: ActionRow[]) => {
    setRows(next);
    setJustSaved(false);
  };
  const save = () => {
    setSaving(true);
    api.saveFunnelTaxonomy(toActions(rows) as FunnelActionRule[]).then(
      (answer) => {
        setSaved(answer);
        setRows(toRows(answer.actions));
        setErrors(NO_ERRORS);
        setFailure(null);
        setSaving(false);
        setJustSaved(true);
      },
      (error: unknown) => {
        const { fields, other } = readFailure(error);
        setErrors(fields);
        setFailure(other === null ? null : { error: other });
        setSaving(false);
      },
    );
  };

  return (
    <>
      <p data-testid="taxonomy-version">
        {t('taxonomy.version', { version: saved.version })}{' '}
        {saved.savedAt === null
          ? t('taxonomy.defaults')
          : t('taxonomy.savedAt', { at: new Date(saved.savedAt).toLocaleString(locale) })}
      </p>
      <table className="taxonomy-table">
        <thead>
          <tr>
            <th>{t('taxonomy.col.depth')}</th>
            <th>{t('taxonomy.col.action')}</th>
            <th>{t('taxonomy.col.labelEn')}</th>
            <th>{t('taxonomy.col.labelRu')}</th>
            <th>{t('taxonomy.col.window')}</th>
            <th>{t('taxonomy.col.eventTypes')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <TaxonomyRowEditor
              key={row.key}
              row={row}
              index={index}
              count={rows.length}
              errors={errors.byRow.get(index) ?? {}}
              onChange={(next) =>
                edit(rows.map((candidate) => (candidate.key === row.key ? next : candidate)))
              }
              onMove={(delta) => edit(moveRow(rows, index, delta))}
              onRemove={() => edit(rows.filter((candidate) => candidate.key !== row.key))}
            />
          ))}
        </tbody>
      </table>
      {errors.general.length > 0 && (
        <ul className="field-errors" role="alert" data-testid="taxonomy-errors">
          {errors.general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {failure && (
        <ServerError error={failure.error} wrap={(text) => t('taxonomy.saveFailed', { message: text })} />
      )}
      <div className="taxonomy-actions">
        <button type="button" onClick={() => edit([...rows, emptyRow()])} data-testid="taxonomy-add">
          + {t('taxonomy.add')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={save}
          disabled={isSaving}
          data-testid="taxonomy-save"
        >
          {t('taxonomy.save')}
        </button>
        {justSaved && (
          <span className="save-state save-saved" role="status">
            {t('taxonomy.saved', { version: saved.version })}
          </span>
        )}
      </div>
    </>
  );
}
