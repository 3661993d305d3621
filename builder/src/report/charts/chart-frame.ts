/**
 * Every chart draws in one fixed viewBox and scales with its box (CSS `width: 100%`), so charts need no
 * resize observer and look alike side by side.
 */
export const CHART = { width: 560, height: 240, top: 24, right: 16, bottom: 40, left: 64 } as const;
export const PLOT_WIDTH = CHART.width - CHART.left - CHART.right;
export const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;

export const AXIS_COLOR = '#667085';
export const BAR_COLOR = '#3b6fd8';
export const MARK_COLOR = '#d92d20';

export const tickLabel = () => ({ fill: AXIS_COLOR, fontSize: 11, textAnchor: 'middle' as const });
export const leftTickLabel = () => ({
  fill: AXIS_COLOR,
  fontSize: 11,
  textAnchor: 'end' as const,
  dx: -4,
  dy: 3,
});
