import { describe, expect, it } from 'vitest';
import type { Queue } from '../../../shared/model';
import { amsterdam, lisbon } from '../../../tests/support/renderer-fixtures';
import { paginate, ROWS_PER_PAGE, rowsFor } from './paging';

const queues = (officeId: string, count: number, teams = 1): Queue[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${officeId.slice(0, 3)}-${i}`,
    name: `Queue ${i}`,
    officeId,
    channel: 'chat',
    team: { name: `Team ${i % teams}`, kind: 'in-house' },
  }));

describe('paginate', () => {
  it('keeps the demo (two offices of seven) on one page', () => {
    const pages = paginate([lisbon, amsterdam], [...queues('lisbon', 7), ...queues('amsterdam', 7)]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.map((s) => [s.office.id, s.queues.length, s.part])).toEqual([['lisbon', 7, null], ['amsterdam', 7, null]]);
  });

  it('gives each office its own page when together they need more rows than a screen holds', () => {
    const pages = paginate([lisbon, amsterdam], [...queues('lisbon', 20), ...queues('amsterdam', 20)]);
    expect(pages.map((p) => p.map((s) => s.office.id))).toEqual([['lisbon'], ['amsterdam']]);
  });

  it('cuts an office too big for one screen into equal slices, teams together, none over the row budget', () => {
    const pages = paginate([lisbon], queues('lisbon', 40, 4));
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => p[0]!.queues.length)).toEqual([20, 20]);
    expect(pages.map((p) => p[0]!.part)).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }]);
    expect(pages[0]![0]!.queues.map((q) => q.team.name)).toEqual([...Array(10).fill('Team 0'), ...Array(10).fill('Team 1')]);
    for (const page of pages) expect(page.reduce((rows, s) => rows + rowsFor(s.queues.length), 0)).toBeLessThanOrEqual(ROWS_PER_PAGE);
  });

  it('shows every queue exactly once across the pages', () => {
    for (const count of [1, 5, 24, 25, 49, 100]) {
      const all = [...queues('lisbon', count), ...queues('amsterdam', 3)];
      const shown = paginate([lisbon, amsterdam], all).flat().flatMap((s) => s.queues.map((q) => q.id));
      expect(shown.sort()).toEqual(all.map((q) => q.id).sort());
    }
  });
});
