import { Group } from '@visx/group';
import { useState } from 'react';
import type { RfmCellFigure, RfmDistribution } from '../api/schemas';
import { useApi } from '../api/use-api';
import { useLocaleStore, useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { formatCount, formatMoney, formatShare } from './format-segment-figure';
import { heatColor, heatTextColor } from './heat-color';
import { MeasureToggle, type HeatMeasure } from './measure-toggle';
import { rfmCellName } from './segment-names';
import { SegmentMembersPanel } from './segment-members-panel';
import { segmentsApi } from './segments-api';

const CELL = 92;
const GAP = 4;
const AXIS = 28;
const GRID = 3 * CELL + 2 * GAP;

/** The RFM heatmap page: loads the 27 cells and draws them. */
export function RfmHeatmapView() {
  const [state, reload] = useApi(() => segmentsApi.rfm(), 'rfm');
  return (
    <ApiView state={state} reload={reload}>
      {(distribution) => <RfmHeatmap distribution={distribution} />}
    </ApiView>
  );
}

/**
 * Three R × F grids, one per M (high value first), side by side: recency runs left (long gone) to right
 * (recent) and frequency bottom (rare) to top (frequent), so the best clients sit top right of the
 * first grid and the ones to win back top left. One shade scale across all 27 cells.
 */
function RfmHeatmap({ distribution }: { distribution: RfmDistribution }) {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [measure, setMeasure] = useState<HeatMeasure>('clients');
  const [selected, setSelected] = useState<string | null>(null);
  const max = Math.max(0, ...distribution.cells.map((cell) => cell[measure]));
  const chosen = distribution.cells.find((cell) => cell.cell === selected) ?? null;
  const describe = (cell: RfmCellFigure) =>
    t('segments.rfm.cellFigures', {
      clients: formatCount(cell.clients, locale),
      share: formatShare(cell.clientShare, locale),
      revenue: formatMoney(cell.revenue, locale),
      revenueShare: formatShare(cell.revenueShare, locale),
    });
  return (
    <div className="segments-picture">
      <div className="segments-toolbar">
        <MeasureToggle value={measure} onChange={setMeasure} />
        <span className="muted">
          {t('segments.rfm.total', {
            clients: formatCount(distribution.clients, locale),
            revenue: formatMoney(distribution.revenue, locale),
          })}
        </span>
      </div>
      <p className="muted">{t('segments.rfm.hint')}</p>
      <div className="segments-picture-body">
        <div className="rfm-grids" data-testid="rfm-heatmap">
          {[3, 2, 1].map((m) => (
            <figure key={m} className="rfm-grid">
              <figcaption>{t(`segments.rfm.gridTitle${m}` as 'segments.rfm.gridTitle1')}</figcaption>
              <svg
                viewBox={`0 0 ${GRID + AXIS} ${GRID + AXIS}`}
                width={GRID + AXIS}
                height={GRID + AXIS}
                role="group"
                aria-label={t(`segments.rfm.gridTitle${m}` as 'segments.rfm.gridTitle1')}
              >
                <Group left={AXIS} top={0}>
                  {distribution.cells
                    .filter((cell) => cell.monetary === m)
                    .map((cell) => {
                      const x = (cell.recency - 1) * (CELL + GAP);
                      const y = (3 - cell.frequency) * (CELL + GAP);
                      const value = cell[measure];
                      const name = rfmCellName(cell.cell, t);
                      const pick = () => setSelected(cell.cell);
                      return (
                        <g
                          key={cell.cell}
                          transform={`translate(${x}, ${y})`}
                          className={`rfm-cell${selected === cell.cell ? ' selected' : ''}`}
                          data-cell={cell.cell}
                          data-value={value}
                          role="button"
                          tabIndex={0}
                          aria-label={`${name}: ${describe(cell)}`}
                          aria-pressed={selected === cell.cell}
                          onClick={pick}
                          onKeyDown={(event) => {
                            if (event.key === 'Enter' || event.key === ' ') {
                              event.preventDefault();
                              pick();
                            }
                          }}
                        >
                          <title>{`${name}\n${describe(cell)}`}</title>
                          <rect width={CELL} height={CELL} rx={4} fill={heatColor(value, max)} />
                          <text x={6} y={16} fontSize={11} fill={heatTextColor(value, max)} opacity={0.8}>
                            {cell.cell}
                          </text>
                          <text
                            x={CELL / 2}
                            y={CELL / 2 + 6}
                            textAnchor="middle"
                            fontSize={18}
                            fontWeight={600}
                            fill={heatTextColor(value, max)}
                          >
                            {measure === 'clients' ? formatCount(value, locale) : formatMoney(value, locale)}
                          </text>
                          <text
                            x={CELL / 2}
                            y={CELL - 10}
                            textAnchor="middle"
                            fontSize={11}
                            fill={heatTextColor(value, max)}
                          >
                            {formatShare(
                              measure === 'clients' ? cell.clientShare : cell.revenueShare,
                              locale,
                            )}
                          </text>
                        </g>
                      );
                    })}
                </Group>
                {[1, 2, 3].map((r) => (
                  <text
                    key={`r${r}`}
                    x={AXIS + (r - 1) * (CELL + GAP) + CELL / 2}
                    y={GRID + 18}
                    textAnchor="middle"
                    fontSize={11}
                    fill="#667085"
                  >
                    {`R${r}`}
                  </text>
                ))}
                {[1, 2, 3].map((f) => (
                  <text
                    key={`f${f}`}
                    x={12}
                    y={(3 - f) * (CELL + GAP) + CELL / 2 + 4}
                    textAnchor="middle"
                    fontSize={11}
                    fill="#667085"
                  >
                    {`F${f}`}
                  </text>
                ))}
              </svg>
            </figure>
          ))}
          <p className="rfm-legend muted">{t('segments.rfm.legend')}</p>
        </div>
        {chosen && (
          <SegmentMembersPanel
            key={chosen.cell}
            segmentId={chosen.segmentId}
            segmentKey={chosen.cell}
            title={rfmCellName(chosen.cell, t)}
            figures={describe(chosen)}
          />
        )}
      </div>
    </div>
  );
}
