import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { ServerError } from './server-error';

const PERIODS = ['7d', '30d', 'all'] as const;
type Period = (typeof PERIODS)[number];

function periodStart(period: Period): string | undefined {
  const days = period === '7d' ? 7 : period === '30d' ? 30 : null;
  return days === null ? undefined : new Date(Date.now() - days * 86_400_000).toISOString();
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

  useEffect(() => {
    let isCurrent = true;
    api.getStats(journeyId, { version: version ?? undefined, from: periodStart(period) }).then(
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
        ▶ {t('stats.entered')} · ◔ {t('stats.waiting')} · ✉ {t('stats.sent')} · ★ {t('stats.converted')}
      </span>
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
