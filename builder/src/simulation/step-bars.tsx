import { BAR_COLOR } from '../report/charts/chart-frame';

const ROW = 22;
const BAR_WIDTH = 342;
/** A 12 px label's width per character, a little over the average so Cyrillic fits too. */
const CHAR_WIDTH = 7;
const MIN_LABEL_WIDTH = 170;
/** Past this a label is cut with an ellipsis; its whole text stays in the bar's tooltip. */
const MAX_LABEL_WIDTH = 440;

/** Room for the longest label, so a ladder rung's full name ("…, step 2 (message)") is not cut off. */
function labelWidthFor(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.min(MAX_LABEL_WIDTH, Math.max(MIN_LABEL_WIDTH, longest * CHAR_WIDTH + 8));
}

function fitLabel(label: string, labelWidth: number): string {
  const room = Math.floor((labelWidth - 8) / CHAR_WIDTH);
  return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

/**
 * Arrivals per step as horizontal bars, one row per step with its label beside it: a ladder has a
 * dozen inner steps, whose labels would crowd the bottom axis of a vertical chart.
 */
export function StepBars({
  steps,
  title,
  testId,
}: {
  steps: { id: string; label: string; entered: number }[];
  title: string;
  testId: string;
}) {
  const top = Math.max(1, ...steps.map((step) => step.entered));
  const labelWidth = labelWidthFor(steps.map((step) => step.label));
  const width = labelWidth + BAR_WIDTH + 48;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${steps.length * ROW + 8}`}
      role="img"
      aria-label={title}
      data-testid={testId}
    >
      {steps.map((step, index) => {
        const y = index * ROW + 4;
        const barWidth = (step.entered / top) * BAR_WIDTH;
        return (
          <g key={step.id} className="chart-bar" data-label={step.label} data-value={step.entered}>
            <title>{`${step.label}: ${step.entered}`}</title>
            <text x={labelWidth - 8} y={y + 14} textAnchor="end" fontSize={12} fill="#1d2939">
              {fitLabel(step.label, labelWidth)}
            </text>
            <rect
              x={labelWidth}
              y={y + 2}
              width={Math.max(1, barWidth)}
              height={ROW - 6}
              rx={2}
              fill={BAR_COLOR}
            />
            <text x={labelWidth + barWidth + 6} y={y + 14} fontSize={11} fill="#475467">
              {step.entered}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
