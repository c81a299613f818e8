/**
 * Wider than four columns, a tile's labels and notes no longer reach 24 px on a 1080p wall (issue 17: read
 * from five metres): page instead.
 */
export const MAX_COLUMNS = 4;

/**
 * Columns for an office's tiles so that every tile of a page fits one screen: few tiles get wide
 * columns; the rows of all sections share the height (see WallView and paging).
 */
export function columnsFor(tileCount: number): number {
  if (tileCount <= 2) return tileCount;
  if (tileCount <= 4) return 2;
  return MAX_COLUMNS;
}
