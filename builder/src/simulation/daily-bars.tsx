import { AxisBottom, AxisLeft } from '@visx/axis';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import {
  AXIS_COLOR,
  leftTickLabel,
  MARK_COLOR,
  PLOT_HEIGHT,
  PLOT_WIDTH,
  tickLabel,
} from '../report/charts/chart-frame';
import { ChartSvg } from '../report/charts/chart-svg';

/** One stacked series: its name (for the legend) and colour, and a value per day. */
export interface DailySeries {
  name: string;
  color: string;
  values: number[];
}

/**
 * Bars per simulated day, the series stacked (sends by channel), with an optional horizontal line
 * the bars are judged against (the call center's capacity): days above it are what a marketer must
 * plan for. Draws in the report charts' viewBox, so it looks like them.
 */
export function DailyBars({
  series,
  title,
  testId,
  limit,
  limitLabel,
}: {
  series: DailySeries[];
  title: string;
  testId: string;
  limit?: number | null;
  limitLabel?: string;
}) {
  const days = Math.max(0, ...series.map((one) => one.values.length));
  const dayLabels = Array.from({ length: days }, (_, day) => String(day));
  const totals = dayLabels.map((_, day) => series.reduce((sum, one) => sum + (one.values[day] ?? 0), 0));
  const x = scaleBand<string>({ domain: dayLabels, range: [0, PLOT_WIDTH], padding: 0.15 });
  const top = Math.max(1, limit ?? 0, ...totals);
  const y = scaleLinear<number>({ domain: [0, top], range: [PLOT_HEIGHT, 0], nice: true });
  const every = Math.max(1, Math.ceil(days / 10));
  return (
    <figure className="daily-bars">
      <ChartSvg title={title} testId={testId}>
        {dayLabels.map((label, day) => {
          let base = 0;
          return (
            <g key={label} className="chart-bar" data-day={day} data-value={totals[day]}>
              {series.map((one) => {
                const value = one.values[day] ?? 0;
                const barTop = y(base + value);
                const barBottom = y(base);
                base += value;
                return value > 0 ? (
                  <Bar
                    key={one.name}
                    x={x(label) ?? 0}
                    y={barTop}
                    width={x.bandwidth()}
                    height={barBottom - barTop}
                    fill={one.color}
                  />
                ) : null;
              })}
            </g>
          );
        })}
        {limit !== null && limit !== undefined && (
          <g data-testid={`${testId}-limit`}>
            <Line
              from={{ x: 0, y: y(limit) }}
              to={{ x: PLOT_WIDTH, y: y(limit) }}
              stroke={MARK_COLOR}
              strokeWidth={2}
              strokeDasharray="6 4"
            />
            <text x={PLOT_WIDTH} y={y(limit) - 5} textAnchor="end" fontSize={11} fill={MARK_COLOR}>
              {limitLabel}
            </text>
          </g>
        )}
        <AxisLeft
          scale={y}
          numTicks={Math.min(4, top)}
          stroke={AXIS_COLOR}
          tickStroke={AXIS_COLOR}
          tickLabelProps={leftTickLabel}
        />
        <AxisBottom
          scale={x}
          top={PLOT_HEIGHT}
          stroke={AXIS_COLOR}
          tickStroke={AXIS_COLOR}
          tickValues={dayLabels.filter((_, day) => day % every === 0)}
          tickLabelProps={tickLabel}
        />
      </ChartSvg>
      {series.length > 1 && (
        <figcaption className="chart-legend">
          {series.map((one) => (
            <span key={one.name}>
              <i style={{ background: one.color }} /> {one.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
