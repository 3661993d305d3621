import { Group } from '@visx/group';
import type { ReactNode } from 'react';
import { CHART } from './chart-frame';

/**
 * The frame of every fixed-size chart: the shared viewBox, announced as one image named `title`,
 * with `children` drawn in plot coordinates (the origin at the plot's top left, inside the margins).
 */
export function ChartSvg({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
    >
      <Group left={CHART.left} top={CHART.top}>
        {children}
      </Group>
    </svg>
  );
}
