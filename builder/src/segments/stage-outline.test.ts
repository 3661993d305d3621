import { describe, expect, it } from 'vitest';
import { stageLabelPlace, stageOutline } from './stage-outline';

describe('stage outlines on the lifecycle grid', () => {
  // Two rows × three columns: "new" is an L of three cells, "best" the other three.
  const cells = [
    { row: 1, column: 0, stage: 'new' },
    { row: 1, column: 1, stage: 'new' },
    { row: 1, column: 2, stage: 'best' },
    { row: 2, column: 0, stage: 'new' },
    { row: 2, column: 1, stage: 'best' },
    { row: 2, column: 2, stage: 'best' },
  ];

  it('draws only the borders where the stage ends', () => {
    const outline = stageOutline(cells, 'new');
    // An L of three cells has a perimeter of eight cell edges.
    expect(outline).toHaveLength(8);
    expect(outline).toContainEqual({ x1: 2, y1: 0, x2: 2, y2: 1 });
    expect(outline).not.toContainEqual({ x1: 1, y1: 0, x2: 1, y2: 1 });
  });

  it('puts the name over the middle of the stage’s first row', () => {
    expect(stageLabelPlace(cells, 'new')).toEqual({ x: 1, y: 0 });
    expect(stageLabelPlace(cells, 'best')).toEqual({ x: 2.5, y: 0 });
    expect(stageLabelPlace(cells, 'gone')).toBeNull();
  });
});
