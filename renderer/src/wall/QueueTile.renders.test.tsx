import { act, render } from '@testing-library/react';
import { memo, Profiler, type ComponentType, type FunctionComponent } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueState } from '../../../shared/protocol/protocol';
import { chatQueue, snapshot, state } from '../../../tests/support/renderer-fixtures';
import { StoreProvider } from '../store/store-context';
import { createAppStore } from '../store/store';
import { QueueTile, type QueueTileProps } from './QueueTile';
import { WallView } from './WallView';

/**
 * Pins the tile's render cost (bench/latency, docs/PERFORMANCE.md "Tile render cost"): the tile's parts are
 * wrapped in counters that keep each part's own memo, so a part that loses its memo, or a prop that becomes a
 * new object on every render, shows up here as renders.
 */
const renders: string[] = [];

type Props = Record<string, unknown>;
type AnyComponent = ComponentType<Props>;
function counted(name: string, part: unknown, key?: string): AnyComponent {
  const memoised = part as { type?: FunctionComponent<Props>; compare?: ((a: Props, b: Props) => boolean) | null };
  const inner = memoised.type ?? (part as FunctionComponent<Props>);
  const counting = (props: Props) => {
    renders.push(key ? `${name}:${String(props[key])}` : name);
    return inner(props);
  };
  // A memo component keeps its memo (and comparator) around the counter; a plain one stays plain.
  return (memoised.type ? memo(counting, memoised.compare ?? undefined) : counting) as AnyComponent;
}

vi.mock('./TileParts', async (importActual) => {
  const actual = await importActual<typeof import('./TileParts')>();
  return { ...actual, TileHead: counted('TileHead', actual.TileHead), MetricCell: counted('MetricCell', actual.MetricCell, 'id') };
});
vi.mock('./TileNotes', async (importActual) => {
  const actual = await importActual<typeof import('./TileNotes')>();
  return { ...actual, TileNotes: counted('TileNotes', actual.TileNotes) };
});
vi.mock('./Sparkline', async (importActual) => {
  const actual = await importActual<typeof import('./Sparkline')>();
  return { ...actual, Sparkline: counted('Sparkline', actual.Sparkline) };
});

const NOW = Date.UTC(2026, 10, 24, 14, 0, 5);
const MINUTE = 60_000;
const base = state('lis-chat', { metrics: { backlog: 12, firstResponseP90: 75, resolutionP90: 1200 } as never });
const series = { at: Array.from({ length: 20 }, (_, i) => NOW - (19 - i) * MINUTE), values: Array.from({ length: 20 }, () => 10) };

function renderTile(props: Partial<QueueTileProps> = {}) {
  const all: QueueTileProps = { queue: chatQueue, state: base, locale: 'en-GB', timeZone: 'Europe/Lisbon', live: true, now: NOW, series, ...props };
  const view = render(<QueueTile {...all} />);
  renders.length = 0;
  return (next: Partial<QueueTileProps>) => {
    view.rerender(<QueueTile {...all} {...next} />);
    return [...renders].sort();
  };
}

const withMetrics = (metrics: Partial<QueueState['metrics']>): QueueState => ({ ...base, metrics: { ...base.metrics, ...metrics } });

beforeEach(() => {
  renders.length = 0;
});

describe('QueueTile renders only the part that changed', () => {
  it('a new backlog renders the backlog cell and nothing else', () => {
    const update = renderTile();
    expect(update({ state: withMetrics({ backlog: 13 }) })).toEqual(['MetricCell:backlog']);
  });

  it('a new first-reply time renders its own cell', () => {
    const update = renderTile();
    expect(update({ state: withMetrics({ firstResponseP90: 90 }) })).toEqual(['MetricCell:firstResponseP90']);
  });

  it('a report time, an unshown metric or the clock within the minute render no part', () => {
    const update = renderTile();
    expect(update({ state: { ...withMetrics({ agentsOnline: 7 }), updatedAt: base.updatedAt! + 1000 }, now: NOW + 30_000 })).toEqual([]);
  });

  it('a new minute of history redraws the sparkline only; an unchanged trend keeps its cell', () => {
    const update = renderTile();
    const next = { at: [...series.at.slice(1), NOW + MINUTE], values: [...series.values.slice(1), 10] };
    expect(update({ series: next, now: NOW + MINUTE })).toEqual(['Sparkline']);
  });

  it('a new status renders the head and the graded cell, not the other cells, notes or sparkline', () => {
    const update = renderTile();
    const health: QueueState['health'] = { ...base.health, status: 'warning', metrics: { ...base.health.metrics, backlog: 'warning' } };
    expect(update({ state: { ...base, health } })).toEqual(['MetricCell:backlog', 'TileHead']);
  });

  it('a cause off the tile renders the notes when its value moves, not when the health object is only rebuilt', () => {
    const graded = (value: number): QueueState => ({
      ...base,
      metrics: { ...base.metrics, agentsOnline: value },
      health: { ...base.health, status: 'critical', metrics: { ...base.health.metrics, agentsOnline: 'critical' } },
    });
    const update = renderTile({ state: graded(2) });
    expect(update({ state: graded(2) })).toEqual([]);
    expect(update({ state: graded(1) })).toEqual(['TileNotes']);
  });

  it('a new SLA attainment renders its own cell only', () => {
    const withSla = (value: number): QueueState => ({ ...base, metrics: { ...base.metrics, slaAttainment: value } });
    const update = renderTile({ state: withSla(90) });
    expect(update({ state: withSla(89) })).toEqual(['MetricCell:slaAttainment']);
  });
});

describe('WallView renders only the tile whose queue changed', () => {
  it('a backlog patch to one queue renders one value cell on the whole wall', () => {
    const store = createAppStore();
    render(
      <StoreProvider store={store}>
        <WallView officeId={null} locale="en-GB" language="en" onNextLanguage={() => {}} />
      </StoreProvider>,
    );
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    renders.length = 0;
    act(() => store.getState().applyPatches([{ queueId: 'ams-phone', metrics: { backlog: 42 } }], 2));
    expect(renders).toEqual(['MetricCell:backlog']);
    expect(document.querySelector('[data-queue-id="ams-phone"] [data-metric="backlog"]')?.textContent).toBe('42');
  });

  it('a message on a live connection commits nothing (its time matters only once the connection is down)', () => {
    const store = createAppStore();
    let commits = 0;
    render(
      <Profiler id="wall" onRender={() => (commits += 1)}>
        <StoreProvider store={store}>
          <WallView officeId={null} locale="en-GB" language="en" onNextLanguage={() => {}} />
        </StoreProvider>
      </Profiler>,
    );
    act(() => {
      store.getState().applySnapshot(snapshot(1), Date.now());
      store.getState().setConnection('live');
    });
    commits = 0;
    act(() => store.getState().messageReceived(Date.now()));
    expect(commits).toBe(0);
    act(() => store.getState().setConnection('reconnecting', { key: 'disconnected' }));
    expect(commits).toBeGreaterThan(0);
  });
});
