import { AxisBottom, AxisLeft } from '@visx/axis';
import { scaleLinear } from '@visx/scale';
import { curveStepAfter } from '@visx/curve';
import { LinePath } from '@visx/shape';
import {
  AXIS_COLOR,
  BAR_COLOR,
  leftTickLabel,
  MARK_COLOR,
  PLOT_HEIGHT,
  PLOT_WIDTH,
  tickLabel,
} from './chart-frame';
import { ChartSvg } from './chart-svg';

export interface LinePoint {
  x: number;
  y: number;
}

/** A vertical line at `x` with its label: the day by which 80 % of the target action had come. */
export interface LineMarker {
  x: number;
  label: string;
}

/**
 * A line over numbered points with a dot on each: ER per week (x = week number) and the cumulative
 * curve of the target action (x = day). Shares run 0…100 %.
 */
export function LineChart({
  points,
  title,
  testId,
  formatX,
  formatY,
  marker,
  isStep = false,
  isCategorical = false,
}: {
  points: LinePoint[];
  title: string;
  testId: string;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  marker?: LineMarker | null;
  /** Draw as steps (a cumulative count holds its value until the next day). */
  isStep?: boolean;
  /** Points are categories (weeks): half a step of room at each end, a tick on each point only. */
  isCategorical?: boolean;
}) {
  const xs = points.map((point) => point.x);
  const pad = isCategorical ? 0.5 : 0;
  const x = scaleLinear<number>({
    domain: [Math.min(0, ...xs) - pad, Math.max(isCategorical ? 0 : 1, ...xs) + pad],
    range: [0, PLOT_WIDTH],
  });
  const y = scaleLinear<number>({ domain: [0, 1], range: [PLOT_HEIGHT, 0] });
  const many = points.length > 40;
  return (
    <ChartSvg title={title} testId={testId}>
      <LinePath
        data={points}
        x={(point) => x(point.x)}
        y={(point) => y(point.y)}
        stroke={BAR_COLOR}
        strokeWidth={2}
        {...(isStep ? { curve: curveStepAfter } : {})}
      />
      {!many &&
        points.map((point) => (
          <circle key={point.x} cx={x(point.x)} cy={y(point.y)} r={3} fill={BAR_COLOR}>
            <title>{`${formatX(point.x)}: ${formatY(point.y)}`}</title>
          </circle>
        ))}
      {marker && (
        <g className="chart-marker" data-x={marker.x}>
          <line
            x1={x(marker.x)}
            x2={x(marker.x)}
            y1={0}
            y2={PLOT_HEIGHT}
            stroke={MARK_COLOR}
            strokeDasharray="4 3"
          />
          {/* Past the middle the label goes left of its line, so it stays inside the chart. */}
          <text
            x={x(marker.x) + (x(marker.x) > PLOT_WIDTH / 2 ? -4 : 4)}
            y={10}
            fontSize={11}
            fill={MARK_COLOR}
            textAnchor={x(marker.x) > PLOT_WIDTH / 2 ? 'end' : 'start'}
          >
            {marker.label}
          </text>
        </g>
      )}
      <AxisLeft
        scale={y}
        numTicks={5}
        tickFormat={(value) => formatY(Number(value))}
        stroke={AXIS_COLOR}
        tickStroke={AXIS_COLOR}
        tickLabelProps={leftTickLabel}
      />
      <AxisBottom
        scale={x}
        top={PLOT_HEIGHT}
        {...(isCategorical && points.length <= 12
          ? { tickValues: xs }
          : { numTicks: Math.min(8, Math.max(1, points.length - 1)) })}
        tickFormat={(value) => formatX(Number(value))}
        stroke={AXIS_COLOR}
        tickStroke={AXIS_COLOR}
        tickLabelProps={tickLabel}
      />
    </ChartSvg>
  );
}
