import type { CDPSession, Page } from 'playwright-core';

/**
 * Installed in a page before its own scripts run: times every value of the marker queue from the gateway's
 * send (the update's serverTime) and arrival (the WebSocket frame) to the frame that painted it (the DOM
 * node changed, then the next requestAnimationFrame, then a task after that frame), and counts long tasks
 * and React commits (through the devtools hook, which production React also calls).
 */
export const PROBE_SCRIPT = (markerSelector: string, markerQueue: string, markerIndex: number) => `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const probe = (window.__probe = { sent: new Map(), samples: [], longTasks: [], commits: 0, frames: 0 });
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot() { probe.commits += 1; },
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const arrivedAt = now();
        if (typeof event.data !== 'string' || !event.data.startsWith('42["update"')) return;
        const update = JSON.parse(event.data.slice(2))[1];
        for (const change of update.changes || []) {
          if (change.queueId === ${JSON.stringify(markerQueue)} && change.metrics && change.metrics.backlog != null) {
            probe.sent.set(change.metrics.backlog, { serverTime: update.serverTime, updatedAt: change.updatedAt, arrivedAt });
          }
        }
        for (const row of update.c || []) {
          // The compact form names the marker by its index in the snapshot's queues (given: the snapshot may
          // arrive by HTTP long-polling, before the upgrade to WebSocket), and backlog as metric 0.
          if (row[0] !== ${markerIndex}) continue;
          for (let i = 2; i + 1 < row.length; i += 2) {
            if (row[i] === 0 && row[i + 1] != null) probe.sent.set(row[i + 1], { serverTime: update.t, updatedAt: update.t + row[1], arrivedAt });
          }
        }
      });
    }
  };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  let last = null;
  const check = () => {
    const node = document.querySelector(${JSON.stringify(markerSelector)});
    if (!node) return;
    const value = Number(node.textContent.replace(/[^0-9]/g, ''));
    if (value === last || !probe.sent.has(value)) return;
    last = value;
    const domAt = now();
    const sent = probe.sent.get(value);
    probe.sent.delete(value);
    requestAnimationFrame(() => setTimeout(() => probe.samples.push({ ...sent, domAt, paintAt: now() }), 0));
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
export async function drainProbe(page: Page): Promise<{ samples: ProbeSample[]; longTasks: number[]; commits: number }> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { __probe: { samples: ProbeSample[]; longTasks: number[]; commits: number } }).__probe;
    const taken = { samples: probe.samples, longTasks: probe.longTasks, commits: probe.commits };
    probe.samples = [];
    probe.longTasks = [];
    probe.commits = 0;
    return taken;
  });
}
