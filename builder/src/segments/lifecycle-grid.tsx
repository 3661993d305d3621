import { useState } from 'react';
import type { LifecycleGridFigures } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { formatCount, formatMoney } from './format-segment-figure';
import { heatColor, heatTextColor } from './heat-color';
import { MeasureToggle, type HeatMeasure } from './measure-toggle';
import { dayColumnLabel, purchaseRowLabel, stageName } from './segment-names';
import { SegmentMembersPanel } from './segment-members-panel';
import { segmentsApi } from './segments-api';
import { stageLabelPlace, stageOutline } from './stage-outline';

const CELL_W = 84;
const CELL_H = 64;
const LEFT = 56;
const TOP = 28;

/** The stages' outline colours, by stage key (any other stage is drawn grey). */
const STAGE_COLORS: Record<string, string> = {
  new: '#12b76a',
  'former-new': '#f79009',
  best: '#7a5af8',
  'highest-potential': '#ee46bc',
  'former-best': '#d92d20',
};

/** Seed 004's lifecycle grid page: loads the cells as of now and draws them. */
export function LifecycleGridView() {
  const [state, reload] = useApi(() => segmentsApi.lifecycle(), 'lifecycle');
  return (
    <ApiView state={state} reload={reload}>
      {(grid) => <LifecycleGrid grid={grid} />}
    </ApiView>
  );
}

/**
 * Rows by purchase count (1 at the top, "5+" at the bottom), columns by days since the last purchase,
 * shaded by clients or revenue; each stage's region outlined in its colour and named on the grid.
 * Clicking a cell opens its stage: members, export, a journey for it.
 */
function LifecycleGrid({ grid }: { grid: LifecycleGridFigures }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [measure, setMeasure] = useState<HeatMeasure>('clients');
  const [stage, setStage] = useState<string | null>(null);
  const columns = grid.dayColumns.length + 1;
  const width = LEFT + columns * CELL_W + 8;
  const height = TOP + grid.purchaseRows * CELL_H + 44;
  const max = Math.max(0, ...grid.cells.map((cell) => cell[measure]));
  const format = (value: number) =>
    measure === 'clients' ? formatCount(value, locale) : formatMoney(value, locale);
  const stageFigures = (key: string) => {
    const own = grid.cells.filter((cell) => cell.stage === key);
    return t('segments.lifecycle.stageFigures', {
      clients: formatCount(
        own.reduce((n, c) => n + c.clients, 0),
        locale,
      ),
      revenue: formatMoney(
        own.reduce((n, c) => n + c.revenue, 0),
        locale,
      ),
    });
  };
  const chosen = grid.stages.find((s) => s.stage === stage) ?? null;
  return (
    <div className="segments-picture">
      <div className="segments-toolbar">
        <MeasureToggle value={measure} onChange={setMeasure} />
      </div>
      <p className="muted">{t('segments.lifecycle.hint')}</p>
      <div className="segments-picture-body">
        <svg
          className="lifecycle-grid"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="group"
          aria-label={t('segments.tab.lifecycle')}
          data-testid="lifecycle-grid"
        >
          {grid.cells.map((cell) => {
            const value = cell[measure];
            const x = LEFT + cell.column * CELL_W;
            const y = TOP + (cell.row - 1) * CELL_H;
            const label = t('segments.lifecycle.cellLabel', {
              purchases: purchaseRowLabel(grid.purchaseRows, cell.row),
              days: dayColumnLabel(grid.dayColumns, cell.column),
              stage: cell.stage === null ? '—' : stageName(cell.stage, t),
              figure: format(value),
            });
            const pick = () => cell.stage !== null && setStage(cell.stage);
            return (
              <g
                key={`${cell.row}:${cell.column}`}
                className="lifecycle-cell"
                data-row={cell.row}
                data-column={cell.column}
                data-stage={cell.stage ?? ''}
                data-value={value}
                role="button"
                tabIndex={0}
                aria-label={label}
                onClick={pick}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    pick();
                  }
                }}
              >
                <title>{label}</title>
                <rect
                  x={x + 1}
                  y={y + 1}
                  width={CELL_W - 2}
                  height={CELL_H - 2}
                  fill={heatColor(value, max)}
                />
                <text
                  x={x + CELL_W / 2}
                  y={y + CELL_H / 2 + 10}
                  textAnchor="middle"
                  fontSize={13}
                  fontWeight={600}
                  fill={heatTextColor(value, max)}
                >
                  {format(value)}
                </text>
              </g>
            );
          })}
          {grid.stages.map(({ stage: key }) => (
            <g key={key} className="stage-outline" data-stage={key} pointerEvents="none">
              {stageOutline(grid.cells, key).map((s, i) => (
                <line
                  key={i}
                  x1={LEFT + s.x1 * CELL_W}
                  y1={TOP + s.y1 * CELL_H}
                  x2={LEFT + s.x2 * CELL_W}
                  y2={TOP + s.y2 * CELL_H}
                  stroke={STAGE_COLORS[key] ?? '#667085'}
                  strokeWidth={3}
                  strokeLinecap="round"
                />
              ))}
            </g>
          ))}
          {grid.stages.map(({ stage: key }) => {
            const place = stageLabelPlace(grid.cells, key);
            if (!place) return null;
            return (
              <text
                key={key}
                className="stage-name"
                x={LEFT + place.x * CELL_W}
                y={TOP + place.y * CELL_H + 16}
                textAnchor="middle"
                fontSize={12}
                fontWeight={600}
                fill={STAGE_COLORS[key] ?? '#667085'}
                stroke="#ffffff"
                strokeWidth={3}
                paintOrder="stroke"
                pointerEvents="none"
              >
                {stageName(key, t)}
              </text>
            );
          })}
          {Array.from({ length: grid.purchaseRows }, (_, i) => (
            <text
              key={`row${i}`}
              x={LEFT - 10}
              y={TOP + i * CELL_H + CELL_H / 2 + 4}
              textAnchor="end"
              fontSize={12}
              fill="#667085"
            >
              {purchaseRowLabel(grid.purchaseRows, i + 1)}
            </text>
          ))}
          {Array.from({ length: columns }, (_, c) => (
            <text
              key={`col${c}`}
              x={LEFT + c * CELL_W + CELL_W / 2}
              y={TOP + grid.purchaseRows * CELL_H + 18}
              textAnchor="middle"
              fontSize={12}
              fill="#667085"
            >
              {dayColumnLabel(grid.dayColumns, c)}
            </text>
          ))}
          <text x={LEFT} y={16} fontSize={12} fill="#667085">
            {t('segments.lifecycle.rowsAxis')}
          </text>
          <text
            x={LEFT + (columns * CELL_W) / 2}
            y={height - 6}
            textAnchor="middle"
            fontSize={12}
            fill="#667085"
          >
            {t('segments.lifecycle.columnsAxis')}
          </text>
        </svg>
        {chosen && (
          <SegmentMembersPanel
            key={chosen.stage}
            segmentId={chosen.segmentId}
            segmentKey={chosen.stage}
            title={stageName(chosen.stage, t)}
            figures={stageFigures(chosen.stage)}
          />
        )}
      </div>
    </div>
  );
}
