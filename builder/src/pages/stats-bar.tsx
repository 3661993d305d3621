import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useEditor, useEditorStore } from '../canvas/editor-context';
import { formatRoute } from '../app/routes';
import { useT } from '../i18n/i18n';
import { loadUpliftByStep } from '../report/uplift/load-uplift';
import { UpliftVerdict } from '../report/uplift/uplift-verdict';
import { ServerError } from './server-error';
import { presetStart } from '../report/report-period';

const PERIODS = ['7d', '30d', 'all'] as const;
type Period = (typeof PERIODS)[number];

function periodStart(period: Period): string | undefined {
  const days = period === '7d' ? 7 : period === '30d' ? 30 : null;
  return days === null ? undefined : presetStart(days, Date.now());
}

/** Chooses version and period and puts the numbers on the canvas (steps and edge widths). */
export function StatsBar({
  journeyId,
  currentVersion,
}: {
  journeyId: string;
  currentVersion: number | null;
}) {
  const t = useT();
  const store = useEditorStore();
  const [version, setVersion] = useState<number | null>(currentVersion);
  const [period, setPeriod] = useState<Period>('30d');
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  const uplift = useEditor((state) => state.uplift);

  useEffect(() => {
    let isCurrent = true;
    const query = { version: version ?? undefined, from: periodStart(period) };
    // The per-node funnel comes from the report (same version and period); a failure there leaves
    // the counts on the canvas and says so.
    Promise.all([api.getReport(journeyId, query), api.getFunnelTaxonomy()]).then(
      ([report, taxonomy]) =>
        isCurrent && store.getState().setFunnel({ nodes: report.nodes, actions: taxonomy.actions }),
      (failure: unknown) => isCurrent && setError({ failure }),
    );
    // Uplift counts every entrant of the version (intention to treat), so it ignores the period.
    const stepIds = store.getState().nodes.map((node) => node.id);
    loadUpliftByStep(journeyId, version ?? undefined, stepIds).then(
      (answer) => {
        if (isCurrent) store.getState().setUplift(answer);
      },
      (failure: unknown) => isCurrent && setError({ failure }),
    );
    api.getStats(journeyId, query).then(
      (stats) => {
        if (!isCurrent) return;
        setError(null);
        store.getState().setStats(stats);
      },
      (failure: unknown) => isCurrent && setError({ failure }),
    );
    return () => {
      isCurrent = false;
      store.getState().setStats(null);
      store.getState().setFunnel(null);
      store.getState().setUplift(null);
    };
  }, [journeyId, version, period, store]);

  return (
    <div className="stats-bar">
      <label>
        {t('stats.version')}{' '}
        <input
          type="number"
          min={1}
          value={version ?? ''}
          onChange={(event) => setVersion(event.target.value ? Number(event.target.value) : null)}
        />
      </label>
      <label>
        {t('stats.period')}{' '}
        <select value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
          {PERIODS.map((value) => (
            <option key={value} value={value}>
              {t(`stats.period.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">
        ▶ {t('stats.entered')} · ◔ {t('stats.waiting')} · ✉ {t('stats.sent')} · ★ {t('stats.converted')} · ◉{' '}
        {t('report.reached')} · ✓ {t('report.col.delivered')}
      </span>
      {uplift && (uplift.journey.holdout !== null || uplift.journey.controlClients > 0) && (
        <span className="stats-uplift">
          {t('uplift.journeyLabel')}: <UpliftVerdict answer={uplift.journey} testId="canvas-uplift-journey" />
        </span>
      )}
      <a href={formatRoute({ page: 'report', journeyId })}>{t('report.open')}</a>
      {error && (
        <ServerError
          error={error.failure}
          isInline
          wrap={(text) => t('serverError.statsFailed', { message: text })}
        />
      )}
    </div>
  );
}
