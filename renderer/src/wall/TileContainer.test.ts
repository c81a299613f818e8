import { describe, expect, it } from 'vitest';
import { chatQueue, state } from '../../../tests/support/renderer-fixtures';
import type { QueueTileProps } from './QueueTile';
import { sameTile } from './TileContainer';

const MINUTE = 60_000;
const T = Date.UTC(2026, 10, 24, 10, 0, 5);
const props = (over: Partial<QueueTileProps> = {}): QueueTileProps => ({
  queue: chatQueue, state: state('lis-chat'), locale: 'en', timeZone: 'Europe/Lisbon', live: true, now: T, ...over,
});

describe('sameTile (when a wall tile may skip a render)', () => {
  it('skips the seconds of a live, current tile, but not the minute', () => {
    const base = props();
    expect(sameTile(base, { ...base, now: T + 30_000 })).toBe(true);
    expect(sameTile(base, { ...base, now: T + MINUTE })).toBe(false);
  });

  it('renders every second while the tile shows a data age: disconnected or stale', () => {
    const offline = props({ live: false, disconnectedForSeconds: 3 });
    expect(sameTile(offline, { ...offline, now: T + 1000 })).toBe(false);
    const stale = props({ state: state('lis-chat', { health: { status: 'stale', metrics: {}, stale: { reason: 'source-down', message: 'down', lastStatus: 'ok' }, atRisk: null } }) });
    expect(sameTile(stale, { ...stale, now: T + 1000 })).toBe(false);
  });

  it('skips a report time or an unshown metric, and renders for a shown one, the health or the alert', () => {
    const base = props();
    const s = base.state!;
    expect(sameTile(base, { ...base, state: { ...s, updatedAt: s.updatedAt! + 1000, metrics: { ...s.metrics, agentsOnline: 9 } } })).toBe(true);
    expect(sameTile(base, { ...base, state: { ...s, metrics: { ...s.metrics, backlog: 99 } } })).toBe(false);
    // Tickets past their SLA are noted on the tile even when no level is set for them.
    expect(sameTile(base, { ...base, state: { ...s, metrics: { ...s.metrics, slaBreached: 2 } } })).toBe(false);
    expect(sameTile(base, { ...base, state: { ...s, health: { ...s.health } } })).toBe(false);
    expect(sameTile(base, { ...base, flash: true })).toBe(false);
  });
});
