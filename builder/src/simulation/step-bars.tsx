import { BAR_COLOR } from '../report/charts/chart-frame';

const ROW = 22;
const LABEL_WIDTH = 170;
const WIDTH = 560;
const BAR_WIDTH = WIDTH - LABEL_WIDTH - 48;

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
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${steps.length * ROW + 8}`}
      role="img"
      aria-label={title}
      data-testid={testId}
    >
      {steps.map((step, index) => {
        const y = index * ROW + 4;
        const width = (step.entered / top) * BAR_WIDTH;
        return (
          <g key={step.id} className="chart-bar" data-label={step.label} data-value={step.entered}>
            <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" fontSize={12} fill="#1d2939">
              {step.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 2}
              width={Math.max(1, width)}
              height={ROW - 6}
              rx={2}
              fill={BAR_COLOR}
            />
            <text x={LABEL_WIDTH + width + 6} y={y + 14} fontSize={11} fill="#475467">
              {step.entered}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
