import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { AudienceRun } from '../api/schemas';
import { useLocaleStore, useT } from '../i18n/i18n';

/** How often a running audience's progress is asked for again. */
const POLL_MS = 3_000;

/**
 * The latest run of the journey's schedule entry: members gone through, started, kept out, and
 * whether it was resumed after a worker died. Nothing when the journey never ran a schedule entry.
 */
export function AudienceRunLine({ journeyId }: { journeyId: string }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [run, setRun] = useState<AudienceRun | null>(null);

  useEffect(() => {
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      api.listAudienceRuns(journeyId).then(
        (runs) => {
          if (!isCurrent) return;
          setRun(runs[0] ?? null);
          if (runs[0]?.status === 'running') timer = setTimeout(load, POLL_MS);
        },
        // Progress is a side note of the editor: a failed read leaves the line out, never the page.
        () => undefined,
      );
    void load();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [journeyId]);

  if (run === null) return null;
  const number = (value: number) => value.toLocaleString(locale);
  return (
    <div className="audience-run muted" data-testid="audience-run">
      {t('audience.line', {
        segment: run.segment,
        members: number(run.members),
        started: number(run.started),
        notStarted: number(run.notStarted),
      })}{' '}
      · {t(`audience.status.${run.status}`)}
      {run.attempts > 1 && ` · ${t('audience.resumed', { attempts: String(run.attempts) })}`}
    </div>
  );
}
