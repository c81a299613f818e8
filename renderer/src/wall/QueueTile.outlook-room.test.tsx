import { act, cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, QueueState } from '../../../shared/protocol/protocol';
import { chatQueue, state } from '../../../tests/support/renderer-fixtures';
import { createI18n } from '../i18n/i18n';
import { QueueTile } from './QueueTile';

// jsdom lays nothing out: the tile's size and whether its body overflows are given here, as Chromium would
// measure them (tests/e2e/wall-text-size.test.ts measures the real thing on the demo).
const NOW = Date.UTC(2026, 11, 8, 10, 0);
let tileWidth = 440;
let bodyNeeds = 200;
const BODY_HEIGHT = 216;
const observers = new Set<FakeResizeObserver>();

class FakeResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    observers.add(this);
  }
  disconnect() {
    observers.delete(this);
  }
  fire() {
    this.callback();
  }
}

const sized = (el: HTMLElement, body: number, tile: () => number) => (el.classList.contains('tile-body') ? body : el.classList.contains('tile') ? tile() : 0);

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return sized(this, BODY_HEIGHT, () => 455);
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return sized(this, 400, () => tileWidth);
  });
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    // Only the outlook note is counted: it is what this test adds or takes away.
    const noted = this.closest('.tile')?.querySelector('[data-testid="tile-sla-outlook"]') != null;
    return sized(this, noted ? bodyNeeds : BODY_HEIGHT, () => 455);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  observers.clear();
  tileWidth = 440;
});

const below: QueueState = state('lis-chat', {
  metrics: { backlog: 40, firstResponseP90: 75, resolutionP90: 1200, slaAttainment: 91 } as QueueState['metrics'],
  staffing: { method: 'erlang-a', basis: 'recent', spanMinutes: 30, needed: 7, online: 5, handleSeconds: 300, handleFrom: 'default', sla: { expected: 72.4, low: 65, high: 80, target: 90, until: NOW + 8 * 3600_000 } },
});
const acknowledged = { id: 'a1', queueId: 'lis-chat', acknowledged: { by: 'Ana Costa', at: NOW, note: null }, snoozed: null } as unknown as Alert;

function renderTile(alert?: Alert) {
  const ui = (a?: Alert) => (
    <I18nextProvider i18n={createI18n('en')}>
      <QueueTile queue={chatQueue} state={below} locale="en-GB" timeZone="Europe/Lisbon" now={NOW} live alert={a} />
    </I18nextProvider>
  );
  const view = render(ui(alert));
  return { note: () => document.querySelector('[data-testid="tile-sla-outlook"]'), rerender: (a?: Alert) => view.rerender(ui(a)) };
}

describe('the SLA outlook note takes room only a tile has (issue 19: a full tile\'s numbers left their row)', () => {
  it('shows the note on a tile with room for it', () => {
    bodyNeeds = 200;
    expect(renderTile().note()?.textContent).toBe('End of day: SLA 72.4%');
  });

  it('withdraws it from a tile it would overflow, before the frame is painted', () => {
    bodyNeeds = 231;
    expect(renderTile().note()).toBeNull();
  });

  it('tries again when the tile changes size, and when the tile\'s other lines change', () => {
    bodyNeeds = 231;
    const tile = renderTile(acknowledged);
    expect(tile.note()).toBeNull();
    bodyNeeds = 200;
    // The same tile at the same size stays as it is: no flicker between two layouts.
    tile.rerender(acknowledged);
    expect(tile.note()).toBeNull();
    tileWidth = 900;
    act(() => observers.forEach((o) => o.fire()));
    expect(tile.note()).not.toBeNull();

    bodyNeeds = 231;
    act(() => observers.forEach((o) => o.fire()));
    expect(tile.note(), 'a line that wraps later withdraws it too').toBeNull();
    bodyNeeds = 200;
    tile.rerender(undefined);
    expect(tile.note(), 'the acknowledgement gone, there is room again').not.toBeNull();
  });
});
