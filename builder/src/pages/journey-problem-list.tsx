import type { JourneyProblem } from '@touchpoint/language';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { Problem } from '../api/schemas';
import type { JourneyDraft } from '../canvas/draft';
import { useT } from '../i18n/i18n';
import { describeProblem } from '../nodes/describe-problem';
import { stepLabelIn } from './step-label';

/** The problems a refused journey (`invalid_journey`: publish, a test path, a forecast) lists, if the failure is one. */
export function problemsOf(error: unknown): JourneyProblem[] {
  if (!(error instanceof ApiError)) return [];
  const parsed = z.object({ problems: z.array(Problem) }).safeParse(error.body);
  return parsed.success ? (parsed.data.problems as JourneyProblem[]) : [];
}

/**
 * A refused journey's problems in the marketer's words: each on the step by its name (looked up in
 * `drafts`, the first that has it), the rule in the interface language; the server's English in the
 * tooltip.
 */
export function JourneyProblemList({
  problems,
  drafts,
}: {
  problems: readonly JourneyProblem[];
  drafts: readonly JourneyDraft[];
}) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <ul className="form-issues" role="alert" data-testid="journey-problems">
      {problems.map((problem, index) => (
        <li key={index} title={problem.message}>
          ⚠ {problem.nodeId ? `${stepLabelIn(drafts, problem.nodeId, t)}: ` : ''}
          {describeProblem(problem, t)}
        </li>
      ))}
    </ul>
  );
}
