import type { z } from 'zod';
import type { JourneyDefinition } from '../definition';

/** A ready journey in the gallery. `definition` must pass `validateJourney` as is (tested). */
export interface JourneyTemplate {
  id: string;
  name: { en: string; ru: string };
  description: { en: string; ru: string };
  definition: z.input<typeof JourneyDefinition>;
}

/**
 * Positions for a template drawn top to bottom: each row is a list of node ids placed side by
 * side, so a template reads like the picture a marketer would sketch.
 */
export function layoutRows(rows: readonly (readonly string[])[]): Record<string, { x: number; y: number }> {
  const layout: Record<string, { x: number; y: number }> = {};
  rows.forEach((row, rowIndex) => {
    row.forEach((id, column) => {
      layout[id] = { x: (column - (row.length - 1) / 2) * 280, y: rowIndex * 160 };
    });
  });
  return layout;
}

/** Shorthand for an edge whose id says where it goes. */
export function edge(source: string, sourcePort: string, target: string) {
  return { id: `${source}.${sourcePort.replace(':', '-')}`, source, sourcePort, target };
}
