import type { JourneyUplift } from '../../api/schemas';
import { formatInterval, formatPValue } from './format-uplift';
import { useUpliftWords } from './use-uplift-words';
import '../report.css';

/**
 * The uplift of a journey or a step in one line: the goal's uplift in points with its 95 % interval,
 * relative, and p; or "not enough data yet" with how many clients have entered of how many the
 * planner needs. Shown on the canvas and on the report page alike.
 */
export function UpliftVerdict({
  answer,
  testId,
  isCompact = false,
}: {
  answer: JourneyUplift;
  testId: string;
  /** The canvas's short form: the uplift and its interval only. */
  isCompact?: boolean;
}) {
  const words = useUpliftWords();
  const { t } = words;
  if (!answer.enoughData) {
    const entered = answer.treatedClients + answer.controlClients;
    return (
      <span className="uplift-verdict not-enough" data-testid={testId} data-enough="false">
        {answer.requiredClients === null
          ? t(isCompact ? 'uplift.notEnoughNoRateShort' : 'uplift.notEnoughNoRate', {
              entered: words.count(entered),
            })
          : t(isCompact ? 'uplift.notEnoughShort' : 'uplift.notEnough', {
              entered: words.count(entered),
              required: words.count(Math.ceil(answer.requiredClients)),
            })}
      </span>
    );
  }
  const { goal } = answer;
  const isSure = goal.absoluteInterval[0] > 0 || goal.absoluteInterval[1] < 0;
  return (
    <span
      className={`uplift-verdict ${isSure ? (goal.absolute > 0 ? 'gain' : 'loss') : 'unsure'}`}
      data-testid={testId}
      data-enough="true"
    >
      {t(isCompact ? 'uplift.verdictShort' : 'uplift.verdict', {
        uplift: words.points(goal.absolute),
        interval: formatInterval(goal.absoluteInterval, words.points),
        relative: words.percent(goal.relative),
        p: formatPValue(goal.pValue, words.locale),
      })}
    </span>
  );
}
