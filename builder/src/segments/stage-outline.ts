/**
 * The outline of each stage's region on the lifecycle grid, as line segments along the cell borders
 * where the stage changes (or the grid ends). Works for any region shape the settings declare, not only
 * rectangles; pure, so it is tested without a browser.
 */

export interface GridCellStage {
  row: number;
  column: number;
  stage: string | null;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Borders in cell units: row r (1-based, top row 1) spans y r−1…r, column c spans x c…c+1. */
export function stageOutline(cells: readonly GridCellStage[], stage: string): Segment[] {
  const at = new Map(cells.map((cell) => [`${cell.row}:${cell.column}`, cell.stage]));
  const isIn = (row: number, column: number) => at.get(`${row}:${column}`) === stage;
  const out: Segment[] = [];
  for (const cell of cells) {
    if (cell.stage !== stage) continue;
    const { row, column } = cell;
    const top = row - 1;
    if (!isIn(row - 1, column)) out.push({ x1: column, y1: top, x2: column + 1, y2: top });
    if (!isIn(row + 1, column)) out.push({ x1: column, y1: row, x2: column + 1, y2: row });
    if (!isIn(row, column - 1)) out.push({ x1: column, y1: top, x2: column, y2: row });
    if (!isIn(row, column + 1)) out.push({ x1: column + 1, y1: top, x2: column + 1, y2: row });
  }
  return out;
}

/** Where a stage's name goes: the middle of its first row of cells. */
export function stageLabelPlace(
  cells: readonly GridCellStage[],
  stage: string,
): { x: number; y: number } | null {
  const own = cells.filter((cell) => cell.stage === stage);
  if (own.length === 0) return null;
  const firstRow = Math.min(...own.map((cell) => cell.row));
  const columns = own.filter((cell) => cell.row === firstRow).map((cell) => cell.column);
  return { x: (Math.min(...columns) + Math.max(...columns) + 1) / 2, y: firstRow - 1 };
}
