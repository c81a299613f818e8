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
  it('gives each of the demo\'s offices (seven queues) a page of its own, where every tile text reaches 24 px', () => {
    const pages = paginate([lisbon, amsterdam], [...queues('lisbon', 7), ...queues('amsterdam', 7)]);
    expect(pages.map((p) => p.map((s) => [s.office.id, s.queues.length, s.part]))).toEqual([[['lisbon', 7, null]], [['amsterdam', 7, null]]]);
  });

  it('puts small offices on one page while their rows fit', () => {
    const pages = paginate([lisbon, amsterdam], [...queues('lisbon', 2), ...queues('amsterdam', 1)]);
    expect(pages.map((p) => p.map((s) => [s.office.id, s.queues.length]))).toEqual([[['lisbon', 2], ['amsterdam', 1]]]);
  });

  it('cuts an office too big for one screen into equal slices, teams together, none over the row budget', () => {
    const pages = paginate([lisbon], queues('lisbon', 40, 4));
    expect(pages).toHaveLength(5);
    expect(pages.map((p) => p[0]!.queues.length)).toEqual([8, 8, 8, 8, 8]);
    expect(pages.map((p) => p[0]!.part)).toEqual([1, 2, 3, 4, 5].map((index) => ({ index, count: 5 })));
    expect(pages[0]![0]!.queues.map((q) => q.team.name)).toEqual(Array(8).fill('Team 0'));
    expect(pages[1]![0]!.queues.map((q) => q.team.name)).toEqual([...Array(2).fill('Team 0'), ...Array(6).fill('Team 1')]);
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
