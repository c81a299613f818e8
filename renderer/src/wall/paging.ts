import type { Office, Queue } from '../../../shared/model';
import { columnsFor, MAX_COLUMNS } from './grid-shape';

/**
 * Rows of tiles one screen holds and stays readable from five metres: every text of a tile at least 24 px on a
 * 1080p panel needs tiles about 450 px tall, so a combined wall shows one office of up to eight queues a page.
 */
export const ROWS_PER_PAGE = 2;

/** One office's tiles on a page; `part` numbers the slices of an office too big for one page. */
export interface PageSection {
  office: Office;
  queues: readonly Queue[];
  part: { index: number; count: number } | null;
}

export const rowsFor = (tileCount: number) => Math.max(1, Math.ceil(tileCount / Math.max(columnsFor(tileCount), 1)));

/** The most tiles one section may hold on a page. */
const MAX_TILES = ROWS_PER_PAGE * MAX_COLUMNS;

/**
 * Splits the wall into pages that each fit one screen: offices in order, several to a page while their
 * rows fit; an office too big for a page is cut into equal slices, teams kept together where the cut allows.
 */
export function paginate(offices: readonly Office[], queues: readonly Queue[]): PageSection[][] {
  const sections: PageSection[] = [];
  for (const office of offices) {
    const own = queues.filter((q) => q.officeId === office.id);
    if (own.length <= MAX_TILES) {
      sections.push({ office, queues: own, part: null });
      continue;
    }
    const byTeam = [...own].sort((a, b) => a.team.name.localeCompare(b.team.name));
    const count = Math.ceil(byTeam.length / MAX_TILES);
    const size = Math.ceil(byTeam.length / count);
    for (let index = 0; index < count; index++) {
      sections.push({ office, queues: byTeam.slice(index * size, (index + 1) * size), part: { index: index + 1, count } });
    }
  }
  const pages: PageSection[][] = [];
  let page: PageSection[] = [];
  let rows = 0;
  for (const section of sections) {
    const needed = rowsFor(section.queues.length);
    if (page.length > 0 && rows + needed > ROWS_PER_PAGE) {
      pages.push(page);
      page = [];
      rows = 0;
    }
    page.push(section);
    rows += needed;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
