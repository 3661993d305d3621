import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { AXIS_COLOR, BAR_COLOR, MARK_COLOR, tickLabel } from '../charts/chart-frame';

/** One row of the forest plot: a stratum (or the whole journey) with its estimate and 95 % interval. */
export interface ForestRow {
  id: string;
  label: string;
  estimate: number;
  interval: [number, number];
  /** Clients compared in the row; the square's area follows it, as forest plots weigh studies. */
  clients: number;
  /** The pooled row, drawn as a diamond under the strata. */
  isOverall?: boolean;
}

const WIDTH = 760;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 240;
const ROW_HEIGHT = 30;
const TOP = 12;
const BOTTOM = 36;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/**
 * A forest plot: per stratum a square at the uplift with a line across its 95 % interval, the pooled
 * estimate as a diamond, and the line of no effect at 0, so a stratum whose interval crosses it is
 * seen at once. `format` writes a value (percentage points, money) in the interface language.
 */
export function ForestPlot({
  rows,
  title,
  testId,
  format,
}: {
  rows: ForestRow[];
  title: string;
  testId: string;
  format: (value: number) => string;
}) {
  const low = Math.min(0, ...rows.map((row) => row.interval[0]));
  const high = Math.max(0, ...rows.map((row) => row.interval[1]));
  const pad = (high - low || 1) * 0.08;
  const x = scaleLinear<number>({ domain: [low - pad, high + pad], range: [0, PLOT_WIDTH], nice: true });
  const height = TOP + rows.length * ROW_HEIGHT + BOTTOM;
  const plotHeight = rows.length * ROW_HEIGHT;
  const largest = Math.max(1, ...rows.map((row) => row.clients));
  return (
    <svg
      className="chart forest-plot"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
    >
      <Group top={TOP}>
        <Group left={LABEL_WIDTH}>
          <line x1={x(0)} x2={x(0)} y1={0} y2={plotHeight} stroke={AXIS_COLOR} strokeDasharray="4 3" />
        </Group>
        {rows.map((row, index) => {
          const y = index * ROW_HEIGHT + ROW_HEIGHT / 2;
          const cx = LABEL_WIDTH + x(row.estimate);
          const side = 5 + 7 * Math.sqrt(row.clients / largest);
          return (
            <g
              key={row.id}
              className="forest-row"
              data-stratum={row.id}
              data-estimate={row.estimate}
              data-low={row.interval[0]}
              data-high={row.interval[1]}
            >
              <text x={LABEL_WIDTH - 8} y={y + 4} textAnchor="end" fontSize={12} fill="#1d2939">
                {row.label}
              </text>
              <line
                x1={LABEL_WIDTH + x(row.interval[0])}
                x2={LABEL_WIDTH + x(row.interval[1])}
                y1={y}
                y2={y}
                stroke={row.isOverall ? MARK_COLOR : BAR_COLOR}
                strokeWidth={2}
              />
              {row.isOverall ? (
                <polygon
                  points={`${cx - side},${y} ${cx},${y - side} ${cx + side},${y} ${cx},${y + side}`}
                  fill={MARK_COLOR}
                />
              ) : (
                <rect x={cx - side / 2} y={y - side / 2} width={side} height={side} fill={BAR_COLOR} />
              )}
              <text
                x={WIDTH - VALUE_WIDTH + 8}
                y={y + 4}
                fontSize={11}
                fill="#1d2939"
                className="forest-value"
              >
                {format(row.estimate)} [{format(row.interval[0])}; {format(row.interval[1])}]
              </text>
            </g>
          );
        })}
        <AxisBottom
          scale={x}
          left={LABEL_WIDTH}
          top={plotHeight}
          numTicks={5}
          stroke={AXIS_COLOR}
          tickStroke={AXIS_COLOR}
          tickLabelProps={tickLabel}
          tickFormat={(value) => format(Number(value))}
        />
      </Group>
    </svg>
  );
}
