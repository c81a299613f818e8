import type { Timers } from './timers';

/** The part of a WebContents the watchdog uses; the real one fits, tests pass a fake. */
export interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

/** The part of a BrowserWindow the watchdog uses. */
export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive' | 'closed', listener: () => void): unknown;
  readonly webContents: WatchedContents;
}

export interface RendererWatchdogOptions {
  window: WatchedWindow;
  timers: Timers;
  now: () => number;
  log: (message: string) => void;
  /** Wait before the first reload after a crash. */
  firstDelayMs?: number;
  /** Each crash in a row doubles the wait, up to this: a page that keeps crashing is retried, never given up on. */
  maxDelayMs?: number;
  /** A page that ran this long after its reload is healthy again: the next crash starts from firstDelayMs. */
  stableAfterMs?: number;
  /** How long the page may stay unresponsive before its renderer is restarted. */
  hangMs?: number;
}

export interface RendererWatchdog {
  /** Reloads so far, crashes and hangs together. */
  reloads(): number;
}

/** A render-process-gone of reason "killed" this soon after our own kill is that kill, already reloaded. */
const OWN_KILL_MS = 10_000;

/**
 * Brings a wall back by itself: reloads the page after its renderer crashes (with exponential backoff
 * while it keeps crashing), and restarts a renderer that has hung for `hangMs`. Every reload is counted
 * and logged with its reason.
 */
export function watchRenderer({
  window,
  timers,
  now,
  log,
  firstDelayMs = 1_000,
  maxDelayMs = 300_000,
  stableAfterMs = 120_000,
  hangMs = 15_000,
}: RendererWatchdogOptions): RendererWatchdog {
  const contents = window.webContents;
  let reloads = 0;
  let streak = 0;
  let lastReloadAt = -Infinity;
  let ownKillAt = -Infinity;
  let pendingReload: unknown = null;
  let hangTimer: unknown = null;

  function reload(reason: string): void {
    pendingReload = null;
    if (contents.isDestroyed()) return;
    reloads += 1;
    lastReloadAt = now();
    log(`Reloading the wall page (${reason}); reload ${reloads} since start.`);
    contents.reload();
  }

  contents.on('render-process-gone', (_event, { reason, exitCode }) => {
    if (reason === 'killed' && now() - ownKillAt < OWN_KILL_MS) return;
    if (pendingReload !== null) return;
    streak = now() - lastReloadAt < stableAfterMs ? streak + 1 : 1;
    const delay = Math.min(firstDelayMs * 2 ** (streak - 1), maxDelayMs);
    log(`The wall page's renderer is gone (${reason}, exit code ${exitCode}); reloading in ${delay / 1000} s (${streak} in a row).`);
    pendingReload = timers.setTimeout(() => reload(`after renderer ${reason}`), delay);
  });

  window.on('unresponsive', () => {
    if (hangTimer !== null) return;
    hangTimer = timers.setTimeout(() => {
      hangTimer = null;
      if (contents.isDestroyed()) return;
      log(`The wall page has not responded for ${hangMs / 1000} s; restarting its renderer.`);
      ownKillAt = now();
      // Electron's advice for a hung page: kill its renderer, then reload at once into a new process.
      contents.forcefullyCrashRenderer();
      reload('renderer hung');
    }, hangMs);
  });
  window.on('responsive', () => {
    if (hangTimer !== null) timers.clearTimeout(hangTimer);
    hangTimer = null;
  });
  window.on('closed', () => {
    if (hangTimer !== null) timers.clearTimeout(hangTimer);
    if (pendingReload !== null) timers.clearTimeout(pendingReload);
    hangTimer = pendingReload = null;
  });

  return { reloads: () => reloads };
}
