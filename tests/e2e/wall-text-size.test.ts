import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/protocol/protocol';
import { PROTOCOL_VERSION } from '../../shared/protocol/protocol';
import { seededDemoStore, type DemoStore } from '../support/demo-store';
import { launchE2e, type E2eLaunch } from '../support/e2e-launch';
import { BUSY_MORNING, connect, nextEvent } from '../support/gateway-harness';
import { FULL_HD, openWall, overflowOf, SCREENSHOTS, UHD } from '../support/wall-page';

// Issue 17: a wall is read from five metres. Every text on it (header, office names, every line of every tile)
// is at least 24 CSS px on a 1080p panel (48 at 4K), shows whole inside its tile, overlaps no other text, and
// the headline numbers of one row of tiles stand on one baseline whatever notes a tile carries. Measured in
// Chromium on the demo at a busy hour and at night, in every view and language.

/** 23:40 in Lisbon, 00:40 in Amsterdam on a weekday: few contacts, staffed-hours queues closed. */
const NIGHT = Date.UTC(2026, 10, 24, 23, 40);
const VIEWS = ['/', '/?office=lisbon', '/?office=amsterdam'] as const;
const LANGUAGES = ['en', 'pt', 'nl'] as const;
const HEADLINES = ['backlog', 'firstResponseP90', 'resolutionP90'] as const;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface TextBox {
  scope: string;
  text: string;
  fontPx: number;
  rects: Box[];
  /** Where the text runs past a box that clips it (a cell, the tile): the text is cut there. */
  cut: string | null;
}

interface Measured {
  texts: TextBox[];
  /** Per tile: its grid, its row top, its note count, the baseline of each headline value. */
  tiles: { queue: string; grid: number; top: number; notes: number; baselines: Record<string, number>; sparkPx: number; spike: boolean; band: boolean }[];
}

/** Every visible text node of the wall (header, office names, notices, tiles) with its size, line boxes and any cut. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate((headlines) => {
    const texts: TextBox[] = [];
    const scopes = [...document.querySelectorAll<HTMLElement>('.wall-header, .office-name, .wall-notice, [data-testid="queue-tile"]')];
    const boxOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    for (const scope of scopes) {
      const name = scope.dataset.queueId ?? scope.className;
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('.visually-hidden')) continue;
        const style = getComputedStyle(parent);
        if (style.visibility === 'hidden') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map(boxOf);
        if (rects.length === 0) continue;
        const fontPx = parseFloat(style.fontSize);
        // A line box is taller than its glyphs (ascent + descent against a line height near 1): only a cut
        // deeper than that is a cut.
        const slack = 0.2 * fontPx;
        let cut: string | null = null;
        for (let el: HTMLElement | null = parent; el && !cut; el = el === scope ? null : el.parentElement) {
          const s = getComputedStyle(el);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
          const b = el.getBoundingClientRect();
          const inner = { left: b.left + el.clientLeft, top: b.top + el.clientTop, right: b.left + el.clientLeft + el.clientWidth, bottom: b.top + el.clientTop + el.clientHeight };
          for (const r of rects) {
            if (r.left < inner.left - 1 || r.right > inner.right + 1 || r.top < inner.top - slack || r.bottom > inner.bottom + slack) {
              cut = `${el.className || el.tagName} (text ${Math.round(r.left)}–${Math.round(r.right)}×${Math.round(r.top)}–${Math.round(r.bottom)}, box ${Math.round(inner.left)}–${Math.round(inner.right)}×${Math.round(inner.top)}–${Math.round(inner.bottom)})`;
              break;
            }
          }
        }
        texts.push({ scope: name, text: node.textContent.trim(), fontPx, rects, cut });
      }
    }
    const grids = [...document.querySelectorAll('.tile-grid')];
    const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="queue-tile"]')].map((tile) => {
      const baselines: Record<string, number> = {};
      for (const id of headlines) {
        const value = tile.querySelector<HTMLElement>(`.metric-value [data-metric="${id}"]`);
        if (!value) continue;
        // A zero-size inline block sits on the baseline of the text it is put in.
        const probe = document.createElement('span');
        probe.style.cssText = 'display:inline-block;width:0;height:0';
        value.append(probe);
        baselines[id] = probe.getBoundingClientRect().bottom;
        probe.remove();
      }
      return {
        queue: tile.dataset.queueId ?? '',
        grid: grids.indexOf(tile.closest('.tile-grid')!),
        top: Math.round(tile.getBoundingClientRect().top),
        notes: tile.querySelectorAll('.tile-notes .note').length,
        baselines,
        sparkPx: tile.querySelector('.tile-spark')?.getBoundingClientRect().height ?? 0,
        spike: tile.querySelector('[data-testid="tile-volume"]') !== null,
        band: tile.querySelector('[data-testid="sparkline-band"]') !== null,
      };
    });
    return { texts, tiles };
  }, HEADLINES);
}

const overlap = (a: Box, b: Box, shrink: number) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom - shrink, b.bottom - shrink) - Math.max(a.top + shrink, b.top + shrink) > 1;

/** Every pair of texts of one scope whose glyph boxes cross (the line box is trimmed to about the glyphs). */
function crossings(texts: readonly TextBox[]): string[] {
  const found: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      if (a.scope !== b.scope) continue;
      const shrink = 0.12 * Math.min(a.fontPx, b.fontPx);
      if (a.rects.some((ra) => b.rects.some((rb) => overlap(ra, rb, shrink)))) found.push(`${a.scope}: "${a.text}" × "${b.text}"`);
    }
  });
  return found;
}

/** Rows of tiles whose headline values do not share a baseline, and how many rows mix tiles with and without notes. */
function rowAlignment(tiles: Measured['tiles']): { misaligned: string[]; mixedRows: number } {
  const rows = new Map<string, Measured['tiles']>();
  for (const tile of tiles) rows.set(`${tile.grid}:${tile.top}`, [...(rows.get(`${tile.grid}:${tile.top}`) ?? []), tile]);
  const misaligned: string[] = [];
  let mixedRows = 0;
  for (const row of rows.values()) {
    if (new Set(row.map((t) => t.notes > 0)).size > 1) mixedRows++;
    for (const id of HEADLINES) {
      const lines = row.filter((t) => t.baselines[id] !== undefined).map((t) => ({ queue: t.queue, y: t.baselines[id]! }));
      const spread = Math.max(...lines.map((l) => l.y)) - Math.min(...lines.map((l) => l.y));
      if (lines.length > 1 && spread > 1) misaligned.push(`${id}: ${lines.map((l) => `${l.queue} ${Math.round(l.y)}`).join(', ')}`);
    }
  }
  return { misaligned, mixedRows };
}

/**
 * Acknowledges every open alert of one queue, so its tile carries a note its row neighbours may not. Asks again
 * for up to ten seconds: a gateway with a store writes the replayed day first and opens alerts a beat later.
 */
async function acknowledgeOne(url: string): Promise<string | null> {
  for (const deadline = Date.now() + 10_000; ; await new Promise((resolve) => setTimeout(resolve, 500))) {
    const desk = connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-lead-token' });
    try {
      const snapshot = await nextEvent(desk, 'snapshot');
      const open = snapshot.alerts.filter((a) => a.resolvedAt === null && a.acknowledged === null);
      const queueId = open[0]?.queueId ?? null;
      if (queueId === null && Date.now() < deadline) continue;
      for (const alert of open.filter((a) => a.queueId === queueId)) {
        await new Promise<{ ok: boolean; alert?: Alert }>((resolve) => desk.emit('alert:acknowledge', { alertId: alert.id, note: 'on it' }, resolve as never));
      }
      return queueId;
    } finally {
      desk.disconnect();
    }
  }
}

/** Opens an incident on a queue (issue 20), so its tile carries the incident's line as well. */
async function openIncident(url: string, queueId: string): Promise<boolean> {
  const desk = connect(url, { protocol: PROTOCOL_VERSION, client: 'desk', token: 'demo-lead-token' });
  try {
    await nextEvent(desk, 'snapshot');
    const answer = await desk.emitWithAck('incident:open', { title: 'Card payments failing', queueIds: [queueId] });
    return answer.ok;
  } finally {
    desk.disconnect();
  }
}

for (const [moment, startAt] of [['busy', BUSY_MORNING], ['night', NIGHT]] as const) {
  describe(`the wall read from five metres, at a ${moment} hour`, () => {
    let launched: E2eLaunch | undefined;
    let seeded: DemoStore | undefined;
    let url: string;
    let browser: Browser;
    let mixedRows = 0;

    beforeAll(async () => {
      // With the eight weeks `npm start` writes: every sparkline draws the usual band, and the busy morning's
      // campaign and viral thread put "Inflow 2.6× usual for Tue 10:15" on their tiles (issue 19).
      seeded = seededDemoStore(startAt);
      launched = await launchE2e({ speed: 10, startAt, gateway: { store: seeded.store } });
      ({ url, browser } = launched);
      if (moment === 'busy') {
        const acknowledged = await acknowledgeOne(url);
        expect(acknowledged, 'the demo has an open alert on a busy morning').not.toBeNull();
        expect(await openIncident(url, acknowledged!), 'an incident on the acknowledged queue').toBe(true);
      }
    });

    afterAll(async () => {
      await launched?.close();
      seeded?.remove();
    });

    for (const size of [FULL_HD, UHD]) {
      const minimum = size === FULL_HD ? 24 : 48;
      for (const view of VIEWS) {
        for (const lang of LANGUAGES) {
          const address = `${view}${view.includes('?') ? '&' : '?'}lang=${lang}`;
          it(`${address} at ${size.width}×${size.height}: every text ≥ ${minimum} px, whole, apart, numbers on one line per row`, async () => {
            const { page, close } = await openWall(browser, url, address, size, { bypassCSP: true });
            try {
              await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-tile"] .metric-value [data-metric]').length > 0);
              const place = view === '/' ? 'all' : view.split('=')[1];
              await page.screenshot({ path: `${SCREENSHOTS}/wall-text-${moment}-${place}-${lang}-${size.width}x${size.height}.png` });
              const { texts, tiles } = await measure(page);
              expect(tiles.length, 'tiles on the page').toBeGreaterThan(3);
              expect(tiles.filter((t) => !t.band).map((t) => t.queue), 'sparklines without the usual band').toEqual([]);
              // Lisbon's chat campaign and Trustpilot thread run at the busy hour: their spike notes are measured too.
              if (moment === 'busy' && view !== '/?office=amsterdam') expect(tiles.filter((t) => t.spike).length, 'tiles with a spike note').toBeGreaterThan(0);
              // The demo rates solved tickets, so CSAT is on the tiles measured here too.
              expect(await page.locator('[data-testid="tile-csat"]').count(), 'tiles showing CSAT').toBe(tiles.length);
              expect(texts.length).toBeGreaterThan(tiles.length * 8);
              const small = texts.filter((t) => t.fontPx < minimum - 0.01).map((t) => `${t.scope}: "${t.text}" ${t.fontPx.toFixed(1)} px`);
              expect(small, `text under ${minimum} px`).toEqual([]);
              expect(texts.filter((t) => t.cut).map((t) => `${t.scope}: "${t.text}" cut by ${t.cut}`), 'text cut or out of its tile').toEqual([]);
              expect(crossings(texts), 'texts overlapping').toEqual([]);
              const { misaligned, mixedRows: mixed } = rowAlignment(tiles);
              expect(misaligned, 'headline values off their row').toEqual([]);
              mixedRows += mixed;
              // Notes take room from the sparkline, never all of it: a trend of a few pixels reads as none.
              expect(tiles.filter((t) => t.sparkPx < minimum).map((t) => `${t.queue} ${Math.round(t.sparkPx)} px`), 'sparklines squashed').toEqual([]);
              expect(await overflowOf(page)).toEqual({ x: 0, y: 0 });
            } finally {
              await close();
            }
          });
        }
      }
    }

    if (moment === 'busy') {
      it('measured at least one row where one tile carries a note and another none (else alignment went untested)', () => {
        expect(mixedRows).toBeGreaterThan(0);
      });
    }
  });
}
