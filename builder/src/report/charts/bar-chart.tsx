import { AxisBottom, AxisLeft } from '@visx/axis';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { AXIS_COLOR, BAR_COLOR, leftTickLabel, PLOT_HEIGHT, PLOT_WIDTH, tickLabel } from './chart-frame';
import { ChartSvg } from './chart-svg';

export interface BarDatum {
  label: string;
  value: number;
  /** The figure written above the bar (the count, or count and share). */
  caption: string;
}

/** Vertical bars with their figure written on top: the funnel and the time-to-convert histogram. */
export function BarChart({ bars, title, testId }: { bars: BarDatum[]; title: string; testId: string }) {
  const x = scaleBand<string>({
    domain: bars.map((bar) => bar.label),
    range: [0, PLOT_WIDTH],
    padding: 0.25,
  });
  const top = Math.max(1, ...bars.map((bar) => bar.value));
  const y = scaleLinear<number>({ domain: [0, top], range: [PLOT_HEIGHT, 0], nice: true });
  return (
    <ChartSvg title={title} testId={testId}>
      {bars.map((bar) => {
        const left = x(bar.label) ?? 0;
        const barTop = y(bar.value);
        return (
          <g key={bar.label} className="chart-bar" data-label={bar.label} data-value={bar.value}>
            <Bar
              x={left}
              y={barTop}
              width={x.bandwidth()}
              height={PLOT_HEIGHT - barTop}
              fill={BAR_COLOR}
              rx={2}
            />
            <text
              x={left + x.bandwidth() / 2}
              y={barTop - 5}
              textAnchor="middle"
              fontSize={11}
              fill="#1d2939"
              className="chart-caption"
            >
              {bar.caption}
            </text>
          </g>
        );
      })}
      <AxisLeft
        scale={y}
        numTicks={4}
        stroke={AXIS_COLOR}
        tickStroke={AXIS_COLOR}
        tickLabelProps={leftTickLabel}
      />
      <AxisBottom
        scale={x}
        top={PLOT_HEIGHT}
        stroke={AXIS_COLOR}
        tickStroke={AXIS_COLOR}
        tickLabelProps={tickLabel}
      />
    </ChartSvg>
  );
}
