import type { CDPSession, Page } from 'playwright-core';

/**
 * Installed in a page before its own scripts run. Times every backlog value the page paints, for every tile on
 * screen (a wall of 300 queues shows 20 per page, so a single marker queue would be seen one page in fifteen):
 * from the gateway's send (the update's serverTime) and arrival (the WebSocket frame) to the frame that
 * painted it (the value's text changed, then the next requestAnimationFrame, then a task after that frame).
 * Also counts update frames, long tasks and React commits (through the devtools hook, which production React
 * also calls). `queueIds` is the snapshot's queue order, for compact rows that name a queue by its index (the
 * snapshot itself may arrive by HTTP long-polling, before the WebSocket this probe watches).
 */
export const PROBE_SCRIPT = (queueIds: readonly string[]) => `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const ids = ${JSON.stringify(queueIds)};
  const probe = (window.__probe = { sent: new Map(), samples: [], longTasks: [], commits: 0, updates: 0 });
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot() { probe.commits += 1; },
  };
  // Per queue, the backlog values sent and when; a value painted is looked up here (a few kept per queue).
  const note = (queueId, value, times) => {
    let values = probe.sent.get(queueId);
    if (!values) probe.sent.set(queueId, (values = new Map()));
    values.set(value, times);
    if (values.size > 16) values.delete(values.keys().next().value);
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const arrivedAt = now();
        if (typeof event.data !== 'string' || !event.data.startsWith('42["update"')) return;
        probe.updates += 1;
        const update = JSON.parse(event.data.slice(2))[1];
        for (const change of update.changes || []) {
          if (change.metrics && change.metrics.backlog != null) {
            note(change.queueId, change.metrics.backlog, { serverTime: update.serverTime, updatedAt: change.updatedAt, arrivedAt });
          }
        }
        // Compact rows (shared/protocol/compact-update.ts): [queue, updatedAt - t, metric, value, ...]; backlog is metric 0.
        for (const row of update.c || []) {
          const queueId = typeof row[0] === 'number' ? ids[row[0]] : row[0];
          for (let i = 2; i + 1 < row.length; i += 2) {
            if (row[i] === 0 && row[i + 1] != null) note(queueId, row[i + 1], { serverTime: update.t, updatedAt: update.t + row[1], arrivedAt });
          }
        }
      });
    }
  };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  const shown = new Map();
  const check = (records) => {
    for (const record of records) {
      const el = record.target.nodeType === 3 ? record.target.parentElement : record.target;
      // A value that changed in place; a tile mounted by a page turn shows a value that is not news.
      const cell = el && el.closest('[data-metric="backlog"]');
      if (!cell || cell.closest('.tile-notes')) continue;
      const tile = cell.closest('[data-queue-id]');
      if (!tile) continue;
      const queueId = tile.getAttribute('data-queue-id');
      const value = Number(cell.textContent.replace(/[^0-9]/g, ''));
      if (shown.get(queueId) === value) continue;
      shown.set(queueId, value);
      const values = probe.sent.get(queueId);
      const sent = values && values.get(value);
      if (!sent) continue;
      values.delete(value);
      const domAt = now();
      requestAnimationFrame(() => setTimeout(() => probe.samples.push({ ...sent, domAt, paintAt: now() }), 0));
    }
  };
  const start = () => new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;

export interface ProbeSample {
  serverTime: number;
  updatedAt: number;
  arrivedAt: number;
  domAt: number;
  paintAt: number;
}

export interface MainThread {
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
  heapBytes: number;
  nodes: number;
  listeners: number;
}

export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    scriptMs: get('ScriptDuration') * 1000,
    taskMs: get('TaskDuration') * 1000,
    layoutMs: get('LayoutDuration') * 1000,
    styleMs: get('RecalcStyleDuration') * 1000,
    heapBytes: get('JSHeapUsedSize'),
    nodes: get('Nodes'),
    listeners: get('JSEventListeners'),
  };
}

/** Takes what the probe gathered since the last call. */
export async function drainProbe(page: Page): Promise<{ samples: ProbeSample[]; longTasks: number[]; commits: number; updates: number }> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { __probe: { samples: ProbeSample[]; longTasks: number[]; commits: number; updates: number } }).__probe;
    const taken = { samples: probe.samples, longTasks: probe.longTasks, commits: probe.commits, updates: probe.updates };
    probe.samples = [];
    probe.longTasks = [];
    probe.commits = 0;
    probe.updates = 0;
    return taken;
  });
}
