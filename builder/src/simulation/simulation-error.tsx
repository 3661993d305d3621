import { useEffect } from 'react';
import type { JourneyVersion } from '../api/schemas';
import { canvasToDraft } from '../canvas/convert';
import { JourneyDraft } from '../canvas/draft';
import { useEditorStore } from '../canvas/editor-context';
import { useT } from '../i18n/i18n';
import { JourneyProblemList, problemsOf } from '../pages/journey-problem-list';
import { ServerError } from '../pages/server-error';

/**
 * A simulation the server refused or could not run. A journey that does not run (`invalid_journey`)
 * lists its problems on the steps by their names, as the publish dialog does. When the draft was among
 * what was asked they are marked on the canvas too: a published version was checked when it was
 * published, so the draft is the one at fault. When only versions were asked, a frozen version is at
 * fault: there is nothing on the canvas to mark, and the marketer is told so.
 */
export function SimulationError({
  error,
  asked,
  versions,
  wrap,
}: {
  error: unknown;
  /** What the simulation was asked to run. */
  asked: readonly ('draft' | number)[];
  /** The journey's published versions, to name the steps of one that was asked. */
  versions: readonly JourneyVersion[];
  wrap: (text: string) => string;
}) {
  const t = useT();
  const store = useEditorStore();
  const problems = problemsOf(error);
  const isDraftAsked = asked.includes('draft');
  useEffect(() => {
    if (isDraftAsked && problems.length > 0) store.getState().showServerProblems(problems);
    // Marked once per answer; the problems are derived from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, isDraftAsked, store]);

  const drafts = asked.flatMap((what) => {
    if (what === 'draft') return [canvasToDraft(store.getState())];
    const parsed = JourneyDraft.safeParse(versions.find((version) => version.number === what)?.definition);
    return parsed.success ? [parsed.data] : [];
  });
  return (
    <>
      {problems.length > 0 && !isDraftAsked ? (
        <p className="error-box" role="alert" data-testid="server-error">
          {wrap(t('testPath.versionInvalid', { count: problems.length }))}
        </p>
      ) : (
        <ServerError error={error} wrap={wrap} />
      )}
      <JourneyProblemList problems={problems} drafts={drafts} />
    </>
  );
}
