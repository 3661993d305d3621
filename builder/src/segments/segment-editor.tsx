import { useState } from 'react';
import type { SegmentItem } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { BarChart } from '../report/charts/bar-chart';
import { ApiView } from '../pages/api-view';
import { ServerError } from '../pages/server-error';
import { issuesOf } from './api-issues';
import { ExportButton } from './export-button';
import { formatCount } from './format-segment-figure';
import { RuleEditor } from './rule-editor';
import { newRule, type RuleNode } from './rule-tree';
import { segmentsApi } from './segments-api';
import { useLiveEstimate } from './use-live-estimate';

/** A new segment starts as "all of: at least two purchases". */
const STARTING_RULE: RuleNode = { kind: 'and', rules: [newRule('fact')] };

/**
 * One saved segment (or a new one): key and name, the rule builder with the audience it would have now
 * (count and a sample) while editing, the server's errors under the fields, save and delete, and for a
 * saved segment its count over time and the CSV export.
 */
export function SegmentEditor({
  segment,
  segmentKeys,
  onSaved,
  onDeleted,
}: {
  segment: SegmentItem | null;
  segmentKeys: readonly string[];
  onSaved: (saved: SegmentItem) => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [key, setKey] = useState(segment?.key ?? '');
  const [name, setName] = useState(segment?.name ?? '');
  const [rule, setRule] = useState<RuleNode>((segment?.rule as RuleNode | null) ?? STARTING_RULE);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const estimate = useLiveEstimate(rule);
  const issues = new Map([
    ...(estimate.status === 'error' ? issuesOf(estimate.error) : []),
    ...issuesOf(saveError),
  ]);
  const fieldError = (field: string) => issues.get(`body.${field}`);

  const save = async () => {
    setIsSaving(true);
    setSaveError(null);
    try {
      const saved = segment
        ? await segmentsApi.updateSegment(segment.id, { name, rule })
        : await segmentsApi.createSegment({ key, name, rule });
      onSaved(saved);
    } catch (error) {
      setSaveError(error);
    } finally {
      setIsSaving(false);
    }
  };
  const remove = async () => {
    if (!segment) return;
    try {
      await segmentsApi.deleteSegment(segment.id);
      onDeleted();
    } catch (error) {
      setSaveError(error);
    }
  };

  return (
    <form
      className="segment-editor"
      data-testid="segment-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="segment-editor-head">
        <label className={`rule-field${fieldError('key') ? ' has-error' : ''}`} data-field="key">
          <span className="rule-field-label">{t('segments.editor.key')}</span>
          <input value={key} onChange={(event) => setKey(event.target.value)} disabled={segment !== null} />
          {fieldError('key') && <span className="field-error">{fieldError('key')}</span>}
        </label>
        <label className={`rule-field${fieldError('name') ? ' has-error' : ''}`} data-field="name">
          <span className="rule-field-label">{t('segments.editor.name')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
          {fieldError('name') && <span className="field-error">{fieldError('name')}</span>}
        </label>
      </div>
      <RuleEditor root={rule} onChange={setRule} issues={issues} segmentKeys={segmentKeys} />
      <div className="segment-estimate" data-testid="segment-estimate" aria-live="polite">
        {estimate.status === 'loading' && <span className="muted">{t('segments.editor.estimating')}</span>}
        {estimate.status === 'ready' && (
          <>
            <strong data-testid="estimate-count" data-count={estimate.estimate.count}>
              {t('segments.editor.estimate', { count: formatCount(estimate.estimate.count, locale) })}
            </strong>
            {estimate.estimate.sample.length > 0 && (
              <span className="muted">
                {' '}
                {t('segments.editor.sample', {
                  clients: estimate.estimate.sample.map((member) => member.clientId).join(', '),
                })}
              </span>
            )}
          </>
        )}
        {estimate.status === 'error' && issuesOf(estimate.error).size === 0 && (
          <ServerError error={estimate.error} isInline />
        )}
        {estimate.status === 'error' && issuesOf(estimate.error).size > 0 && (
          <span className="muted">{t('segments.editor.fixRule')}</span>
        )}
      </div>
      <div className="segment-editor-actions">
        <button type="submit" className="primary" disabled={isSaving} data-testid="segment-save">
          {t('common.save')}
        </button>
        {segment && (
          <button type="button" onClick={() => void remove()} data-testid="segment-delete">
            {t('common.delete')}
          </button>
        )}
        {segment && <ExportButton segmentId={segment.id} fileName={`${segment.key}.csv`} />}
      </div>
      {saveError !== null && issuesOf(saveError).size === 0 && (
        <ServerError error={saveError} wrap={(text) => t('segments.editor.saveFailed', { message: text })} />
      )}
      {segment && <SegmentHistory segmentId={segment.id} />}
    </form>
  );
}

/** The member count the daily recompute recorded, the last 60 days of it, as bars. */
function SegmentHistory({ segmentId }: { segmentId: string }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [history, reload] = useApi(() => segmentsApi.countHistory(segmentId), `history:${segmentId}`);
  return (
    <section className="segment-history">
      <h3>{t('segments.editor.history')}</h3>
      <ApiView state={history} reload={reload}>
        {(days) =>
          days.length === 0 ? (
            <p className="muted">{t('segments.editor.noHistory')}</p>
          ) : (
            <BarChart
              testId="segment-history"
              title={t('segments.editor.history')}
              bars={days.slice(-60).map((day) => ({
                label: day.day.slice(5, 10),
                value: day.members,
                caption: formatCount(day.members, locale),
              }))}
            />
          )
        }
      </ApiView>
    </section>
  );
}
