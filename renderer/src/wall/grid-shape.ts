/** Wider than six columns, three numbers per tile no longer read from across the room: page instead. */
export const MAX_COLUMNS = 6;

/**
 * Columns for an office's tiles so that every tile of a page fits one screen: few tiles get wide
 * columns; the rows of all sections share the height (see WallView and paging).
 */
export function columnsFor(tileCount: number): number {
  if (tileCount <= 2) return tileCount;
  if (tileCount <= 4) return 2;
  if (tileCount <= 8) return 4;
  if (tileCount <= 15) return 5;
  return Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(tileCount * 1.8)));
}
