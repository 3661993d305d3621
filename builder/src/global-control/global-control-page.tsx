import { useState } from 'react';
import { api } from '../api/client';
import type { GlobalControlSettingAnswer } from '../api/schemas';
import { useApi } from '../api/use-api';
import { PercentField } from '../forms/percent-field';
import { useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { ServerError } from '../pages/server-error';
import { GlobalControlReportView } from './global-control-report';
import '../report/report.css';
import './global-control.css';

/**
 * Settings and report of the global control group: the share of all clients kept out of every
 * promotional journey, and what all marketing together added against it (docs/metrics.md,
 * "Global control report").
 */
export function GlobalControlPage() {
  const t = useT();
  const [setting, reloadSetting] = useApi(() => api.getGlobalControl(), 'global-control');
  const [report, reloadReport] = useApi(() => api.getGlobalControlReport(), 'global-control-report');
  return (
    <div className="global-control-page">
      <div className="page-head">
        <h1>{t('global.title')}</h1>
      </div>
      <p className="muted">{t('global.intro')}</p>
      <ApiView state={setting} reload={reloadSetting}>
        {(loaded) => (
          <ShareForm
            key={loaded.updatedAt ?? 'never'}
            initial={loaded}
            onSaved={() => {
              reloadSetting();
              reloadReport();
            }}
          />
        )}
      </ApiView>
      <ApiView state={report} reload={reloadReport}>
        {(loaded) => <GlobalControlReportView report={loaded} />}
      </ApiView>
    </div>
  );
}

function ShareForm({ initial, onSaved }: { initial: GlobalControlSettingAnswer; onSaved: () => void }) {
  const t = useT();
  const [percent, setPercent] = useState(initial.share * 100);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const isValid = percent >= 0 && percent <= 50;
  const save = () => {
    setSaving(true);
    api.saveGlobalControl(percent / 100).then(
      () => {
        setSaving(false);
        setFailure(null);
        onSaved();
      },
      (error: unknown) => {
        setSaving(false);
        setFailure({ error });
      },
    );
  };
  return (
    <section className="report-section global-share" data-testid="global-share">
      <div className="global-share-row">
        <PercentField
          label={t('global.share')}
          testId="global-share-input"
          value={percent}
          max={50}
          isInvalid={!isValid}
          onChange={setPercent}
        />
        <button
          type="button"
          className="primary"
          data-testid="global-share-save"
          disabled={!isValid || isSaving}
          onClick={save}
        >
          {t('global.save')}
        </button>
      </div>
      {!isValid && <p className="error-text small">{t('holdout.shareRange', { max: 50 })}</p>}
      <p className="muted small" data-testid="global-share-state">
        {initial.startedAt === null || initial.share === 0
          ? t('global.off')
          : t('global.since', { date: initial.startedAt.slice(0, 10) })}
      </p>
      <p className="muted small">{t('global.exemptHint')}</p>
      {failure && <ServerError error={failure.error} isInline />}
    </section>
  );
}
