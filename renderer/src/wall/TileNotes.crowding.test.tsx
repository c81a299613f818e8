import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UsualInflow } from '../../../shared/protocol/usual-inflow';
import { TileNotes, type TileNotesProps } from './TileNotes';

const usual: UsualInflow = { learnedDays: 7, weekday: 2, minuteOfDay: 615, perHour: { expected: 60, low: 50, high: 72 }, backlog: { low: 100, high: 140 } };
const props: TileNotesProps = {
  stale: null,
  atRisk: null,
  alert: undefined,
  snoozeActive: false,
  dataAgeSeconds: null,
  causes: [
    { id: 'oldestWaitingSeconds', level: 'critical', value: 591 },
    { id: 'slaBreached', level: 'critical', value: 114 },
  ],
  slaBreached: null,
  volume: { ratio: 2.7, level: 'critical', usual },
  locale: 'en-GB',
  timeZone: 'Europe/Lisbon',
};
afterEach(cleanup);

// A busy tile (a spike, two causes, a long team name) has more notes than a wall tile has lines: it folds the
// causes rather than push its numbers off their row (QueueTile measures; tests/e2e/wall-text-size.test.ts).
describe('a crowded tile folds its causes, never the spike', () => {
  it('shows every cause when there is room', () => {
    render(<TileNotes {...props} />);
    expect(screen.getByTestId('tile-causes').textContent).toBe('Oldest waiting 9m 51sSLA breached 114');
  });

  it('folds them to the worst and "+N" first', () => {
    render(<TileNotes {...props} crowding={1} slaBreached={3} />);
    const causes = screen.getByTestId('tile-causes');
    expect(causes.textContent).toBe('Oldest waiting 9m 51s+2');
    expect(causes.dataset.folded).toBe('2');
    expect(screen.getByTestId('tile-volume').textContent).toBe('Inflow 2.7× usual for Tue 10:15');
  });

  it('leaves them out at the last step, keeping the spike', () => {
    render(<TileNotes {...props} crowding={2} />);
    expect(screen.queryByTestId('tile-causes')).toBeNull();
    expect(screen.getByTestId('tile-volume').textContent).toBe('Inflow 2.7× usual for Tue 10:15');
  });
});
